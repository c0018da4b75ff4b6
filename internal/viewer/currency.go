package viewer

// currencySymbols are the symbols drawn for the ISO 4217 codes a
// CurrencyDisplayFormatConfiguration names, as an en-US reader sees them
// (the symbol where it is unambiguous there, else a marked one such as
// "CA$"); a code not listed is drawn as itself followed by a space.
var currencySymbols = map[string]string{
	"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "INR": "₹", "KRW": "₩",
	"BRL": "R$", "CAD": "CA$", "AUD": "A$", "NZD": "NZ$", "MXN": "MX$", "HKD": "HK$",
	"TWD": "NT$", "ILS": "₪", "VND": "₫", "PHP": "₱", "XAF": "FCFA", "XOF": "F\u202fCFA",
	"XCD": "EC$", "XPF": "CFPF",
}

// currencySymbol is the symbol drawn for a currency code, "" for none.
func currencySymbol(code string) string {
	if code == "" {
		return ""
	}
	if s, ok := currencySymbols[code]; ok {
		return s
	}
	return code + " "
}
