# Django's Spanish formats, with the day of the week where a date and time name a meeting.
DATETIME_FORMAT = r"l j \d\e F \d\e Y, H:i"
