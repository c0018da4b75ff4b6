package sqlcheck

import "strings"

// set makes a lookup set from space-separated names.
func set(groups ...string) map[string]bool {
	m := map[string]bool{}
	for _, g := range groups {
		for _, name := range strings.Fields(g) {
			m[name] = true
		}
	}
	return m
}

// pgFunctions are the PostgreSQL functions custom SQL may call, by the
// name the parser gives them (lower case unless quoted). Anything that
// reads files, other sessions or server settings, signals backends, takes
// locks, changes settings or sequences, or reaches other servers
// is absent.
var pgFunctions = set(
	// aggregates
	`count sum avg min max bool_and bool_or every bit_and bit_or bit_xor string_agg array_agg
	 json_agg jsonb_agg json_object_agg jsonb_object_agg stddev stddev_pop stddev_samp variance var_pop var_samp
	 corr covar_pop covar_samp regr_avgx regr_avgy regr_count regr_intercept regr_r2 regr_slope regr_sxx regr_sxy regr_syy
	 percentile_cont percentile_disc mode any_value range_agg range_intersect_agg`,
	// window functions
	`row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value`,
	// math
	`abs cbrt ceil ceiling degrees div exp factorial floor gcd lcm ln log log10 min_scale mod pi power pow
	 radians round scale sign sqrt trim_scale trunc width_bucket acos acosd asin asind atan atand atan2 atan2d
	 cos cosd cot cotd sin sind tan tand sinh cosh tanh asinh acosh atanh erf erfc numeric_inc`,
	// string
	`ascii bit_length btrim char_length character_length chr concat concat_ws format initcap left length lower
	 lpad ltrim md5 normalize octet_length overlay position quote_ident quote_literal quote_nullable regexp_count
	 regexp_instr regexp_like regexp_match regexp_matches regexp_replace regexp_split_to_array regexp_split_to_table
	 regexp_substr repeat replace reverse right rpad rtrim split_part starts_with string_to_array string_to_table
	 strpos substr substring to_ascii to_hex translate trim unistr upper casefold encode decode convert_from convert_to
	 sha224 sha256 sha384 sha512 get_bit get_byte bit_count like_escape similar_escape similar_to_escape
	 to_bin to_oct crc32 crc32c`,
	// date and time
	`age clock_timestamp current_date current_time current_timestamp date_add date_bin date_part date_subtract
	 date_trunc extract isfinite justify_days justify_hours justify_interval localtime localtimestamp make_date
	 make_interval make_time make_timestamp make_timestamptz now statement_timestamp timeofday transaction_timestamp
	 to_timestamp timezone overlaps`,
	// formatting and casts
	`to_char to_date to_number text int2 int4 int8 float4 float8 numeric bool date time timestamp timestamptz interval
	 varchar bpchar "char" name`,
	// conditional and comparison
	`coalesce nullif greatest least num_nonnulls num_nulls`,
	// arrays and ranges
	`array_append array_cat array_dims array_fill array_length array_lower array_ndims array_position array_positions
	 array_prepend array_remove array_replace array_reverse array_sample array_shuffle array_sort array_to_string
	 array_upper cardinality trim_array unnest generate_series generate_subscripts lower_inc upper_inc lower_inf
	 upper_inf isempty range_merge int4range int8range numrange tsrange tstzrange daterange`,
	// JSON
	`to_json to_jsonb array_to_json row_to_json json_build_array jsonb_build_array json_build_object jsonb_build_object
	 json_object jsonb_object json_array_length jsonb_array_length json_each jsonb_each json_each_text jsonb_each_text
	 json_extract_path jsonb_extract_path json_extract_path_text jsonb_extract_path_text json_object_keys jsonb_object_keys
	 json_array_elements jsonb_array_elements json_array_elements_text jsonb_array_elements_text json_typeof jsonb_typeof
	 json_strip_nulls jsonb_strip_nulls jsonb_set jsonb_set_lax jsonb_insert jsonb_pretty jsonb_path_exists
	 jsonb_path_match jsonb_path_query jsonb_path_query_array jsonb_path_query_first json_populate_record
	 jsonb_populate_record json_to_record jsonb_to_record json_to_recordset jsonb_to_recordset json_scalar json_serialize`,
	// text search (pure functions of their arguments)
	`to_tsvector to_tsquery plainto_tsquery phraseto_tsquery websearch_to_tsquery ts_rank ts_rank_cd ts_headline`,
	// identity of the session (no secrets)
	`current_user session_user current_role user current_schema current_catalog`,
	// waiting: no more than a slow query can do, and bounded by the same
	// statement time limit
	`pg_sleep`,
)

// mysqlFunctions are the MySQL and MariaDB functions custom SQL may call,
// lower case (names are case-insensitive). LOAD_FILE, BENCHMARK,
// GET_LOCK and the other lock functions, LAST_INSERT_ID(expr),
// SET-like functions, UDFs and server introspection are absent.
var mysqlFunctions = set(
	// aggregates and window functions
	`count sum avg min max group_concat bit_and bit_or bit_xor std stddev stddev_pop stddev_samp variance var_pop
	 var_samp json_arrayagg json_objectagg row_number rank dense_rank percent_rank cume_dist ntile lag lead
	 first_value last_value nth_value median percentile_cont percentile_disc any_value`,
	// math
	`abs acos asin atan atan2 ceil ceiling conv cos cot crc32 degrees div exp floor ln log log10 log2 mod pi pow power
	 radians rand round sign sin sqrt tan truncate`,
	// string
	`ascii bin bit_length char char_length character_length concat concat_ws elt export_set field find_in_set format
	 from_base64 hex insert instr lcase left length locate lower lpad ltrim make_set mid oct octet_length ord position
	 quote repeat replace reverse right rpad rtrim soundex space strcmp substr substring substring_index to_base64 trim
	 ucase unhex upper weight_string regexp_instr regexp_like regexp_replace regexp_substr md5 sha sha1 sha2
	 natural_sort_key sformat`,
	// date and time
	`adddate addtime convert_tz curdate current_date current_time current_timestamp curtime date date_add date_format
	 date_sub datediff day dayname dayofmonth dayofweek dayofyear extract from_days from_unixtime get_format hour
	 last_day localtime localtimestamp makedate maketime microsecond minute month monthname now period_add period_diff
	 quarter sec_to_time second str_to_date subdate subtime sysdate time time_format time_to_sec timediff timestamp
	 timestampadd timestampdiff to_days to_seconds unix_timestamp utc_date utc_time utc_timestamp week weekday
	 weekofyear year yearweek add_months`,
	// waiting, bounded by the statement time limit like any slow query
	`sleep`,
	// conditional, comparison and casts
	`if ifnull nullif coalesce greatest least isnull interval case cast convert binary strcmp nvl nvl2 decode_oracle`,
	// JSON
	`json_array json_array_append json_array_insert json_contains json_contains_path json_depth json_extract
	 json_insert json_keys json_length json_merge json_merge_patch json_merge_preserve json_object json_overlaps
	 json_pretty json_quote json_remove json_replace json_search json_set json_storage_size json_type json_unquote
	 json_valid json_value json_exists json_query json_compact json_detailed json_loose json_equals json_normalize
	 json_table member_of`,
)

// sqliteFunctions are the SQLite functions custom SQL (and the SQL the
// query compiler writes) may call, lower case. load_extension, the
// sqlite_* introspection functions, fts3_tokenizer and anything an
// application registered are absent, except the percentile aggregates
// the server registers on data-source connections (package sqlitepct).
var sqliteFunctions = set(
	// aggregates and window functions
	`count sum total avg min max group_concat string_agg median percentile percentile_cont percentile_disc
	 row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value`,
	// registered by the server
	`sg_percentile_cont sg_percentile_disc sg_percentile_disc_ppm`,
	// core scalar functions
	`abs char coalesce concat concat_ws format glob hex ifnull iif if instr length like likelihood likely lower ltrim
	 max min nullif octet_length printf quote random replace round rtrim sign soundex substr substring trim typeof
	 unhex unicode unlikely upper`,
	// math
	`acos acosh asin asinh atan atan2 atanh ceil ceiling cos cosh degrees exp floor ln log log10 log2 mod pi pow
	 power radians sin sinh sqrt tan tanh trunc`,
	// date and time
	`date time datetime julianday unixepoch strftime timediff`,
	// JSON
	`json json_array json_array_length json_error_position json_extract json_insert json_object json_patch
	 json_pretty json_remove json_replace json_set json_type json_valid json_quote json_group_array
	 json_group_object jsonb jsonb_array jsonb_extract jsonb_insert jsonb_object jsonb_patch jsonb_remove
	 jsonb_replace jsonb_set jsonb_group_array jsonb_group_object json_each json_tree`,
)
