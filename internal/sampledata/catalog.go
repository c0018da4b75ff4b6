package sampledata

// The fixed vocabulary of the sample: where orders come from and what they
// buy. Weights are relative within their list.

type weighted[T any] struct {
	weight float64
	item   T
}

type country struct {
	name   string
	cities []weighted[string]
}

type region struct {
	name      string
	countries []weighted[country]
	discount  float64 // how often orders here are discounted (0..1)
}

var regions = []weighted[region]{
	{38, region{"North America", []weighted[country]{
		{70, country{"United States", []weighted[string]{{22, "New York"}, {18, "Los Angeles"}, {14, "Chicago"}, {10, "Houston"}, {12, "Seattle"}, {9, "Boston"}, {8, "Austin"}}}},
		{20, country{"Canada", []weighted[string]{{45, "Toronto"}, {30, "Vancouver"}, {25, "Montreal"}}}},
		{10, country{"Mexico", []weighted[string]{{65, "Mexico City"}, {35, "Guadalajara"}}}},
	}, 0.35}},
	{30, region{"Europe", []weighted[country]{
		{26, country{"Germany", []weighted[string]{{40, "Berlin"}, {35, "Munich"}, {25, "Hamburg"}}}},
		{24, country{"United Kingdom", []weighted[string]{{65, "London"}, {35, "Manchester"}}}},
		{20, country{"France", []weighted[string]{{70, "Paris"}, {30, "Lyon"}}}},
		{12, country{"Spain", []weighted[string]{{55, "Madrid"}, {45, "Barcelona"}}}},
		{10, country{"Italy", []weighted[string]{{55, "Milan"}, {45, "Rome"}}}},
		{8, country{"Netherlands", []weighted[string]{{100, "Amsterdam"}}}},
	}, 0.5}},
	{22, region{"Asia Pacific", []weighted[country]{
		{30, country{"Japan", []weighted[string]{{65, "Tokyo"}, {35, "Osaka"}}}},
		{25, country{"Australia", []weighted[string]{{55, "Sydney"}, {45, "Melbourne"}}}},
		{20, country{"India", []weighted[string]{{50, "Mumbai"}, {50, "Bengaluru"}}}},
		{13, country{"South Korea", []weighted[string]{{100, "Seoul"}}}},
		{12, country{"Singapore", []weighted[string]{{100, "Singapore"}}}},
	}, 0.3}},
	{10, region{"Latin America", []weighted[country]{
		{45, country{"Brazil", []weighted[string]{{60, "São Paulo"}, {40, "Rio de Janeiro"}}}},
		{22, country{"Argentina", []weighted[string]{{100, "Buenos Aires"}}}},
		{18, country{"Colombia", []weighted[string]{{100, "Bogotá"}}}},
		{15, country{"Chile", []weighted[string]{{100, "Santiago"}}}},
	}, 0.45}},
}

type product struct {
	name  string
	price float64 // list price
}

type subCategory struct {
	name     string
	margin   float64 // profit margin before discounts
	products []weighted[product]
}

type category struct {
	name string
	subs []weighted[subCategory]
	// season scales demand per month (January first).
	season [12]float64
	// shipDays is the usual number of days from order to shipping.
	shipDays int
}

var categories = []weighted[category]{
	{34, category{"Technology", []weighted[subCategory]{
		{30, subCategory{"Phones", 0.16, []weighted[product]{{40, product{"Nimbus Phone 12", 699}}, {35, product{"Nimbus Phone 12 Mini", 549}}, {25, product{"Corvid Phone Pro", 999}}}}},
		{25, subCategory{"Laptops", 0.12, []weighted[product]{{45, product{"Slate 14 Laptop", 1099}}, {30, product{"Slate 16 Laptop", 1499}}, {25, product{"Field Chromebook", 329}}}}},
		{30, subCategory{"Accessories", 0.28, []weighted[product]{{30, product{"Wireless Mouse", 29.99}}, {25, product{"Mechanical Keyboard", 89}}, {25, product{"USB-C Hub", 49.5}}, {20, product{"Noise-Cancelling Headset", 179}}}}},
		{15, subCategory{"Monitors", 0.1, []weighted[product]{{60, product{"27-inch 4K Monitor", 379}}, {40, product{"34-inch Curved Monitor", 649}}}}},
	}, [12]float64{0.85, 0.8, 0.9, 0.9, 0.95, 0.95, 0.9, 1.05, 1.1, 1.05, 1.45, 1.6}, 2}},
	{26, category{"Furniture", []weighted[subCategory]{
		{35, subCategory{"Chairs", 0.09, []weighted[product]{{55, product{"Ergonomic Task Chair", 329}}, {45, product{"Mesh Office Chair", 219}}}}},
		{30, subCategory{"Tables", -0.02, []weighted[product]{{50, product{"Standing Desk", 549}}, {50, product{"Conference Table", 899}}}}},
		{20, subCategory{"Bookcases", 0.04, []weighted[product]{{60, product{"Five-Shelf Bookcase", 159}}, {40, product{"Barrister Bookcase", 389}}}}},
		{15, subCategory{"Furnishings", 0.2, []weighted[product]{{50, product{"Desk Lamp", 39.9}}, {50, product{"Wall Clock", 24.5}}}}},
	}, [12]float64{1.15, 1.0, 1.05, 1.0, 0.95, 0.9, 0.85, 1.1, 1.15, 1.0, 0.95, 0.9}, 5}},
	{40, category{"Office Supplies", []weighted[subCategory]{
		{30, subCategory{"Paper", 0.34, []weighted[product]{{60, product{"Copy Paper, 5 Reams", 34.99}}, {40, product{"Recycled Notebook Pack", 12.5}}}}},
		{25, subCategory{"Binders", 0.3, []weighted[product]{{50, product{"Ring Binder Set", 18.9}}, {50, product{"Presentation Binder", 9.75}}}}},
		{25, subCategory{"Storage", 0.14, []weighted[product]{{55, product{"File Cabinet", 189}}, {45, product{"Storage Boxes, 10 Pack", 45}}}}},
		{20, subCategory{"Art", 0.26, []weighted[product]{{50, product{"Marker Set", 14.99}}, {50, product{"Sketch Pad", 8.5}}}}},
	}, [12]float64{1.1, 1.0, 1.0, 0.95, 0.9, 0.85, 0.9, 1.35, 1.3, 1.0, 0.95, 0.85}, 3}},
}

var segments = []weighted[string]{{52, "Consumer"}, {30, "Corporate"}, {18, "Home Office"}}

var discounts = []weighted[float64]{{40, 0.05}, {30, 0.1}, {18, 0.15}, {12, 0.2}}
