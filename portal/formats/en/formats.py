# US usage, spelled out: "November 29, 2026" rather than Django's "Nov. 29, 2026".
DATE_FORMAT = "F j, Y"
TIME_FORMAT = "g:i A"
DATETIME_FORMAT = "l, F j, Y, g:i A"
MONTH_DAY_FORMAT = "F j"
