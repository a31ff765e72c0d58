"""Span extraction: real-usage examples, negatives, the gold file, invariants, bad input.

Every behavioural case runs on both the Rust core (``asimtext.extract``) and the
pure-Python twin (``asimtext.pure.spans.extract``).
"""

from __future__ import annotations

import datetime
import pathlib
import pickle

import asimtext
import pytest
from asimtext import eval as ev
from asimtext.pure import spans as pure
from spans_impls import IMPLS, triples

DATA = pathlib.Path(__file__).parent / "data"


@pytest.fixture(params=sorted(IMPLS))
def extract(request):
    return IMPLS[request.param]


# (text, expected span text, kind, value): the span must be among the results
POSITIVE = [
    # dates, full and partial, Hindi and English
    ("उन्हें 25 मार्च 2021 को आयुक्त बनाया गया", "25 मार्च 2021", "date", "2021-03-25"),
    ("8 मार्च 2017 में हुआ था", "8 मार्च 2017", "date", "2017-03-08"),
    ("सरकार ने 15 जनवरी से इसे स्वीकृति दी", "15 जनवरी", "date", "--01-15"),
    ("आवेदन 8 जनवरी को किया", "8 जनवरी", "date", "--01-08"),
    ("चुनाव 10 फ़रवरी, 2022 से", "10 फ़रवरी, 2022", "date", "2022-02-10"),
    ("परिणाम 10 मार्च 2022 को", "10 मार्च 2022", "date", "2022-03-10"),
    ("२५ दिसम्बर २०२१ को", "२५ दिसम्बर २०२१", "date", "2021-12-25"),
    ("1 सितंबर से", "1 सितंबर", "date", "--09-01"),
    ("31 अक्तूबर तक", "31 अक्तूबर", "date", "--10-31"),
    ("मार्च 2021 में", "मार्च 2021", "date", "2021-03"),
    ("Published on Jan 11, 2022 by", "Jan 11, 2022", "date", "2022-01-11"),
    ("on 11 January 2022 the", "11 January 2022", "date", "2022-01-11"),
    ("on January 11 the", "January 11", "date", "--01-11"),
    ("since 5th March 2020,", "5th March 2020", "date", "2020-03-05"),
    ("the 15th of August", "15th of August", "date", "--08-15"),
    ("Sept. 3, 2021", "Sept. 3, 2021", "date", "2021-09-03"),
    ("in March 2021 the", "March 2021", "date", "2021-03"),
    ("तारीख 11/01/2022 है", "11/01/2022", "date", "2022-01-11"),
    ("तारीख 11-01-2022 है", "11-01-2022", "date", "2022-01-11"),
    ("तारीख 11.01.2022 है", "11.01.2022", "date", "2022-01-11"),
    ("date 2022-01-10 A", "2022-01-10", "date", "2022-01-10"),
    ("29 फरवरी 2020", "29 फरवरी 2020", "date", "2020-02-29"),
    # datetimes
    (
        "Published : Jan 11, 2022, 11:27 AM IST",
        "Jan 11, 2022, 11:27 AM IST",
        "datetime",
        "2022-01-11T11:27+05:30",
    ),
    ("Updated: 12 March 2022 09:05 IST", "12 March 2022 09:05 IST", "datetime", "2022-03-12T09:05+05:30"),
    ("2022-01-10, 18:30 को", "2022-01-10, 18:30", "datetime", "2022-01-10T18:30"),
    # times
    ("सुबह 10 बजे बैठक", "सुबह 10 बजे", "time", "10:00"),
    ("शाम 5 बजे तक", "शाम 5 बजे", "time", "17:00"),
    ("रात 9:30 बजे", "रात 9:30 बजे", "time", "21:30"),
    ("रात 11 बजे", "रात 11 बजे", "time", "23:00"),
    ("रात 2 बजे", "रात 2 बजे", "time", "02:00"),
    ("दोपहर 2 बजे", "दोपहर 2 बजे", "time", "14:00"),
    ("दोपहर 12 बजे", "दोपहर 12 बजे", "time", "12:00"),
    ("सुबह साढ़े दस बजे", "सुबह साढ़े दस बजे", "time", "10:30"),
    ("सवा 5 बजे", "सवा 5 बजे", "time", "05:15"),
    ("पौने तीन बजे", "पौने तीन बजे", "time", "02:45"),
    ("ढाई बजे", "ढाई बजे", "time", "02:30"),
    ("11 बजे", "11 बजे", "time", "11:00"),
    ("शाम 4 बजकर 20 मिनट पर", "शाम 4 बजकर 20 मिनट", "time", "16:20"),
    ("at 11:27 AM", "11:27 AM", "time", "11:27"),
    ("at 5 pm", "5 pm", "time", "17:00"),
    ("at 5 p.m. today", "5 p.m.", "time", "17:00"),
    ("at 12 am", "12 am", "time", "00:00"),
    ("at 11am", "11am", "time", "11:00"),
    ("at 10:30 IST", "10:30 IST", "time", "10:30+05:30"),
    ("11.30 बजे", "11.30 बजे", "time", "11:30"),
    ("at 10.30 am", "10.30 am", "time", "10:30"),
    ("घटना रविवार रात करीब 11:45 बजे हुई", "रात करीब 11:45 बजे", "time", "23:45"),
    ("शनिवार सुबह आठ बजे", "सुबह आठ बजे", "time", "08:00"),
    ("एक बजे", "एक बजे", "time", "01:00"),
    ("रात के 10 बजे", "रात के 10 बजे", "time", "22:00"),
    ("1:30 बजे दोपहर", "1:30 बजे दोपहर", "time", "13:30"),
    ("10 बजे रात को", "10 बजे रात", "time", "22:00"),
    ("शाम को करीब 6 बजे", "शाम को करीब 6 बजे", "time", "18:00"),
    # years
    ("1994 बैच के आईपीएस", "1994", "year", "1994"),
    ("UP Election 2022: उत्तर", "2022", "year", "2022"),
    ("A 1994-batch IPS officer", "1994", "year", "1994"),
    ("सन 1857 की क्रांति", "1857", "year", "1857"),
    ("in 2019,", "2019", "year", "2019"),
    ("वर्ष २०२० में", "२०२०", "year", "2020"),
    # weekdays
    ("शनिवार को घोषणा", "शनिवार", "weekday", "saturday"),
    ("सोमवार रात", "सोमवार", "weekday", "monday"),
    ("on Saturday took", "Saturday", "weekday", "saturday"),
    ("गुरुवार", "गुरुवार", "weekday", "thursday"),
    ("बृहस्पतिवार", "बृहस्पतिवार", "weekday", "thursday"),
    ("रविवार", "रविवार", "weekday", "sunday"),
    # durations
    ("तीस मिनट की बैठक", "तीस मिनट", "duration", "PT30M"),
    ("दो दिन लखनऊ में", "दो दिन", "duration", "P2D"),
    ("12 घंटे तक चला", "12 घंटे", "duration", "PT12H"),
    ("8 साल बाकी", "8 साल", "duration", "P8Y"),
    ("26 years", "26 years", "duration", "P26Y"),
    ("ढाई घंटे", "ढाई घंटे", "duration", "PT2.5H"),
    ("डेढ़ साल", "डेढ़ साल", "duration", "P1.5Y"),
    ("साढ़े तीन साल", "साढ़े तीन साल", "duration", "P3.5Y"),
    ("पौने 2 घंटे", "पौने 2 घंटे", "duration", "PT1.75H"),
    ("एक दिन", "एक दिन", "duration", "P1D"),
    ("आधा घंटा", "आधा घंटा", "duration", "PT0.5H"),
    ("तीन हफ्ते", "तीन हफ्ते", "duration", "P3W"),
    ("तीन हफ़्ते", "तीन हफ़्ते", "duration", "P3W"),
    ("छह महीने", "छह महीने", "duration", "P6M"),
    ("45 सेकंड", "45 सेकंड", "duration", "PT45S"),
    ("two weeks", "two weeks", "duration", "P2W"),
    ("a 30-minute meeting", "30-minute", "duration", "PT30M"),
    ("24 घंटे", "24 घंटे", "duration", "PT24H"),
    ("दो दिन पहले", "दो दिन पहले", "date", "D-2"),
    ("चुनाव से दो दिन पहले", "दो दिन", "duration", "P2D"),
    # percentages
    ("12 फीसदी", "12 फीसदी", "percent", "12"),
    ("12 फ़ीसदी", "12 फ़ीसदी", "percent", "12"),
    ("4.5 प्रतिशत", "4.5 प्रतिशत", "percent", "4.5"),
    ("30% वोट", "30%", "percent", "30"),
    ("5 per cent", "5 per cent", "percent", "5"),
    ("7.25 percent", "7.25 percent", "percent", "7.25"),
    ("पचास फीसदी", "पचास फीसदी", "percent", "50"),
    ("सौ फीसदी", "सौ फीसदी", "percent", "100"),
    # money
    ("₹5 लाख", "₹5 लाख", "money", "INR 500000"),
    ("₹ 5,000", "₹ 5,000", "money", "INR 5000"),
    ("2.5 करोड़ रुपये", "2.5 करोड़ रुपये", "money", "INR 25000000"),
    ("2.5 करोड रुपए", "2.5 करोड रुपए", "money", "INR 25000000"),
    ("Rs 300", "Rs 300", "money", "INR 300"),
    ("Rs. 1,500 crore", "Rs. 1,500 crore", "money", "INR 15000000000"),
    ("50 हजार रुपये", "50 हजार रुपये", "money", "INR 50000"),
    ("दो हज़ार रुपये", "दो हज़ार रुपये", "money", "INR 2000"),
    ("5 लाख करोड़ रुपये", "5 लाख करोड़ रुपये", "money", "INR 5000000000000"),
    ("$5 million", "$5 million", "money", "USD 5000000"),
    ("100 dollars", "100 dollars", "money", "USD 100"),
    ("INR 2,500", "INR 2,500", "money", "INR 2500"),
    ("a Rs500 crore project", "Rs500 crore", "money", "INR 5000000000"),
    ("Rs1,500 and", "Rs1,500", "money", "INR 1500"),
    ("कीमत 500 रु. है", "500 रु", "money", "INR 500"),
    ("a Rs 2,000-crore project", "Rs 2,000-crore", "money", "INR 20000000000"),
    ("₹4.78 लाख करोड़ रखे", "₹4.78 लाख करोड़", "money", "INR 4780000000000"),
    ("95.41 रुपये प्रति लीटर", "95.41 रुपये", "money", "INR 95.41"),
    # ordinals
    ("कानपुर के पहले और पूर्व पुलिस कमिश्नर", "पहले", "ordinal", "1"),
    ("कानपुर का पहला पुलिस आयुक्त", "पहला", "ordinal", "1"),
    ("पहली बार", "पहली", "ordinal", "1"),
    ("दूसरे स्थान पर", "दूसरे", "ordinal", "2"),
    ("तीसरे दिन", "तीसरे", "ordinal", "3"),
    ("चौथी बार", "चौथी", "ordinal", "4"),
    ("10वीं कक्षा", "10वीं", "ordinal", "10"),
    ("पांचवें चरण", "पांचवें", "ordinal", "5"),
    ("पाँचवाँ", "पाँचवाँ", "ordinal", "5"),
    ("बीसवीं सदी", "बीसवीं", "ordinal", "20"),
    ("the first police commissioner", "first", "ordinal", "1"),
    ("5th", "5th", "ordinal", "5"),
    ("21st century", "21st", "ordinal", "21"),
    ("प्रथम", "प्रथम", "ordinal", "1"),
    # numbers
    ("5 राज्यों में", "5", "number", "5"),
    ("चार बैठकों के बाद", "चार", "number", "4"),
    ("Asim Arun (51) who", "51", "number", "51"),
    ("डायल 112 सेवा", "112", "number", "112"),
    ("UP 112 emergency", "112", "number", "112"),
    ("1,00,000 लोग", "1,00,000", "number", "100000"),
    ("12,34,567 वोट", "12,34,567", "number", "1234567"),
    ("100,000 votes", "100,000", "number", "100000"),
    ("2,500.75 की", "2,500.75", "number", "2500.75"),
    ("डेढ़ सौ", "डेढ़ सौ", "number", "150"),
    ("ढाई हजार", "ढाई हजार", "number", "2500"),
    ("सवा सौ", "सवा सौ", "number", "125"),
    ("सवा दो", "सवा दो", "number", "2.25"),
    ("साढ़े तीन", "साढ़े तीन", "number", "3.5"),
    ("पौने दो लाख", "पौने दो लाख", "number", "175000"),
    ("दो हज़ार", "दो हज़ार", "number", "2000"),
    ("दो हजार", "दो हजार", "number", "2000"),
    ("5 लाख", "5 लाख", "number", "500000"),
    ("2.5 करोड़", "2.5 करोड़", "number", "25000000"),
    ("एक लाख", "एक लाख", "number", "100000"),
    ("एक हज़ार पाँच सौ बीस", "एक हज़ार पाँच सौ बीस", "number", "1520"),
    ("दो लाख पचास हजार", "दो लाख पचास हजार", "number", "250000"),
    ("१२ लोग", "१२", "number", "12"),
    ("पांच", "पांच", "number", "5"),
    ("पाँच", "पाँच", "number", "5"),
    ("twenty-five people", "twenty-five", "number", "25"),
    ("two hundred and fifty", "two hundred and fifty", "number", "250"),
    ("10 million", "10 million", "number", "10000000"),
    ("1500 लोगों", "1500", "number", "1500"),
    ("2000 लोग", "2000", "number", "2000"),
    ("2000 से ज्यादा लोग", "2000", "number", "2000"),
    ("more than 2000 people", "2000", "number", "2000"),
    ("कुल 1950 मतदाता", "1950", "number", "1950"),
    ("पिछले 24 घंटों में 3,614 नए मामले", "3,614", "number", "3614"),
    ("पिछले 24 घंटों में", "24 घंटों", "duration", "PT24H"),
    ("एक, दो, तीन", "एक", "number", "1"),
    ("एक, दो, तीन", "दो", "number", "2"),
    ("गिनती: तीन, दो, एक", "दो", "number", "2"),
    ("10-12 लोग", "10", "number", "10"),
    ("10-12 लोग", "12", "number", "12"),
    ("2021-22 के बजट", "2021-22", "date", "2021-04/2022-03"),
    # issue 18: the number grammar
    ("भारत की आबादी एक सौ पच्चीस करोड़ पैंतीस लाख है", "एक सौ पच्चीस करोड़ पैंतीस लाख", "number", "1253500000"),
    ("एक सौ एकसठ", "एक सौ एकसठ", "number", "161"),
    ("दो सौ दो हजार", "दो सौ दो हजार", "number", "202000"),
    ("4 हजार 3 सौ और 21 लोग", "4 हजार 3 सौ और 21", "number", "4321"),
    ("two hundred and five", "two hundred and five", "number", "205"),
    ("दो तिहाई सदस्य", "दो तिहाई", "number", "0.666666666666666"),
    ("तीन चौथाई", "तीन चौथाई", "number", "0.75"),
    ("पांच और एक चौथाई", "पांच और एक चौथाई", "number", "5.25"),
    ("आधा दर्जन लोग", "आधा दर्जन", "number", "6"),
    ("3 दर्जन", "3 दर्जन", "number", "36"),
    ("1.5 अरब", "1.5 अरब", "number", "1500000000"),
    ("2 खरब", "2 खरब", "number", "200000000000"),
    ("पांच दशमलव दो", "पांच दशमलव दो", "number", "5.2"),
    ("दर .08 रही", ".08", "number", "0.08"),
    ("तापमान -3 रहा", "-3", "number", "-3"),
    ("माइनस पांच प्रतिशत", "माइनस पांच प्रतिशत", "percent", "-5"),
    ("निगेटिव एक", "निगेटिव एक", "number", "-1"),
    ("5 हजार 200", "5 हजार 200", "number", "5200"),
    ("ढाई करोड़", "ढाई करोड़", "number", "25000000"),
    ("10k followers", "10k", "number", "10000"),
    ("5cr", "5cr", "number", "50000000"),
    ("पचपन", "पचपन", "number", "55"),
    ("पैंतालिस", "पैंतालिस", "number", "45"),
    ("अट्ठाइस", "अट्ठाइस", "number", "28"),
    # money
    ("$ 75 मिलियन का", "$ 75 मिलियन", "money", "USD 75000000"),
    ("14 मिलियन डॉलर थी", "14 मिलियन डॉलर", "money", "USD 14000000"),
    ("1.17 अरब डॉलर", "1.17 अरब डॉलर", "money", "USD 1170000000"),
    ("c $ 16.4 मिलियन", "c $ 16.4 मिलियन", "money", "CAD 16400000"),
    ("hk $ 10.05 बिलियन", "hk $ 10.05 बिलियन", "money", "HKD 10050000000"),
    ("125 मिलियन ऑस्ट्रेलियाई डॉलर", "125 मिलियन ऑस्ट्रेलियाई डॉलर", "money", "AUD 125000000"),
    ("50 सेंट प्रति बैरल", "50 सेंट", "money", "USD 0.5"),
    ("50 पैसे", "50 पैसे", "money", "INR 0.5"),
    ("पांच मिलियन येन", "पांच मिलियन येन", "money", "JPY 5000000"),
    ("12-सेंट लाभांश", "12-सेंट", "money", "USD 0.12"),
    ("डेढ़ सौ रुपए", "डेढ़ सौ रुपए", "money", "INR 150"),
    # percent
    ("100 परसेंट", "100 परसेंट", "percent", "100"),
    ("बीस का प्रतिशत", "बीस का प्रतिशत", "percent", "20"),
    # ordinals
    ("एक सौ पच्चीसवां", "एक सौ पच्चीसवां", "ordinal", "125"),
    ("दो सौवां", "दो सौवां", "ordinal", "200"),
    ("2रा", "2रा", "ordinal", "2"),
    ("ग्यारहवां", "ग्यारहवां", "ordinal", "11"),
    # times
    ("दोपहर में 3 बजे", "दोपहर में 3 बजे", "time", "15:00"),
    ("अपराह्न 7 बजे", "अपराह्न 7 बजे", "time", "19:00"),
    ("रात में साढ़े नौ बजे", "रात में साढ़े नौ बजे", "time", "21:30"),
    ("शाम सात तीस को", "शाम सात तीस", "time", "19:30"),
    ("7 p. m. तक", "7 p. m.", "time", "19:00"),
    ("5 से 7 बजे तक", "5 से 7 बजे", "time", "05:00/07:00"),
    ("शाम 5 से 7 बजे", "शाम 5 से 7 बजे", "time", "17:00/19:00"),
    ("10:30-11:45 तक", "10:30-11:45", "time", "10:30/11:45"),
    # dates
    ("22/04 को", "22/04", "date", "--04-22"),
    ("21/04/16", "21/04/16", "date", "2016-04-21"),
    ("जन. 1", "जन. 1", "date", "--01-01"),
    ("28-नवं.", "28-नवं.", "date", "--11-28"),
    ("पहली जनवरी", "पहली जनवरी", "date", "--01-01"),
    ("चार मई को", "चार मई", "date", "--05-04"),
    ("जून की बाईस तारीख", "जून की बाईस", "date", "--06-22"),
    ("2016 के जनवरी 12 को", "2016 के जनवरी 12", "date", "2016-01-12"),
    ("2020 के मार्च महीने", "2020 के मार्च", "date", "2020-03"),
    ("मार्च '22", "मार्च '22", "date", "2022-03"),
    ("तेरह जनवरी 1997 11:08", "तेरह जनवरी 1997 11:08", "datetime", "1997-01-13T11:08"),
    ("10-12 मार्च", "10-12 मार्च", "date", "--03-10/--03-12"),
    ("10 से 12 मार्च 2021 तक", "10 से 12 मार्च 2021", "date", "2021-03-10/2021-03-12"),
    ("FY2022-23 में", "FY2022-23", "date", "2022-04/2023-03"),
    ("FY22", "FY22", "date", "2021-04/2022-03"),
    ("2019-2022 के बीच", "2019-2022", "date", "2019/2022"),
    ("1990s", "1990s", "date", "1990/1999"),
    ("the 90s", "90s", "date", "1990/1999"),
    ("1990 के दशक में", "1990 के दशक", "date", "1990/1999"),
    ("मैं आज वापस जाऊंगा", "आज", "date", "D+0"),
    ("कल बैठक हुई", "कल", "date", "D-1"),
    ("परसों", "परसों", "date", "D±2"),
    ("तीन साल बाद", "तीन साल बाद", "date", "Y+3"),
    ("दो महीने पहले", "दो महीने पहले", "date", "M-2"),
    ("पिछले हफ्ते मंगलवार को", "पिछले हफ्ते मंगलवार", "date", "W-1:tuesday"),
    ("अगले सोमवार", "अगले सोमवार", "date", "W+1:monday"),
    ("मैं मंगल को वापस जाऊंगा", "मंगल", "weekday", "tuesday"),
    # durations
    ("2 साल 3 महीने", "2 साल 3 महीने", "duration", "P2Y3M"),
    ("2 घंटे और 30 मिनट", "2 घंटे और 30 मिनट", "duration", "PT2H30M"),
    ("1 दशक", "1 दशक", "duration", "P10Y"),
    ("एक पखवाड़ा", "एक पखवाड़ा", "duration", "P2W"),
    ("पूरे साल काम चला", "पूरे साल", "duration", "P1Y"),
    ("दिन भर बारिश", "दिन भर", "duration", "P1D"),
    ("3 min. के लिए", "3 min.", "duration", "PT3M"),
    ("3 सौ और 2 सौ", "3 सौ", "number", "300"),
    ("3 सौ और 2 सौ", "2 सौ", "number", "200"),
    ("चुनाव से दो दिन पहले", "दो दिन", "duration", "P2D"),
    ("— 112 Uttar Pradesh", "112", "number", "112"),
    ("उनचास", "उनचास", "number", "49"),
    ("निन्यानवे", "निन्यानवे", "number", "99"),
]


@pytest.mark.parametrize("text,span,kind,value", POSITIVE)
def test_positive(extract, text, span, kind, value):
    got = triples(extract, text)
    assert (span, kind, value) in got, got


# texts that hold no span at all
NEGATIVE = [
    "आचार संहिता लागू",  # आचार is not चार
    "शनिवार को दोपहर को".replace("शनिवार को ", ""),  # दोपहर is not दो
    "कन्नौज सदर से",  # कन्नौज is not नौ
    "नौकरी छोड़ी",
    "उन्होंने एक रिपोर्ट भी बनाई",  # एक as an article
    "एक नए रूप में",
    "एक वीडियो जारी किया",
    "जहां एक के बाद एक लगातार",
    "इससे पहले वह",  # पहले = before
    "चुनाव से पहले",
    "पहले ही बता दिया",
    "दो बार",  # frequency
    "served as the DGP of the State twice",
    "1. home Hindi News\n  2. state\n  3. up",  # list markers
    "COVID19 और H1N1 और G20",
    "Q3 में 5G और MP3",
    "COVID-19 महामारी",
    "MiG-21 विमान",
    "कुछ दिनों के लिए",
    "अगले दिन",
    "आज भी लागू नहीं",
    "आज तक",
    "कल-कारखाने",
    "वह 180.25एमएल लिक्विड",
    "https://www.test.com/search?q=30%25%2020%",
    "मंगल ग्रह",
    "जन सुनवाई",
    "एक-दूसरे से",
    "दूसरी ओर",
    "दूसरे लोगों ने",
    "सोमवार रात".replace("सोमवार ", ""),
    "उसे जाने दो.",
    "उसे जाने दो, वरना",
    "मुझे पानी दो।",
    "हजारों लोग",
    "लाखों रुपये",
    "सऊदी अरब और संयुक्त अरब अमीरात",
    "करोड़ों का नुकसान",
    "",
    "   \n\t ",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(extract, text):
    assert triples(extract, text) == []


def test_parts_of_the_day_alone(extract):
    assert triples(extract, "सोमवार रात कुछ इसी तरह") == [("सोमवार", "weekday", "monday")]


def test_postpositions_outside(extract):
    assert triples(extract, "8 जनवरी को") == [("8 जनवरी", "date", "--01-08")]
    assert triples(extract, "शनिवार को") == [("शनिवार", "weekday", "saturday")]


def test_weekday_next_to_date_is_separate(extract):
    assert triples(extract, "शनिवार, 8 जनवरी") == [
        ("शनिवार", "weekday", "saturday"),
        ("8 जनवरी", "date", "--01-08"),
    ]


def test_number_covers_number_only(extract):
    assert triples(extract, "तीन महापुरुषों के चित्र") == [("तीन", "number", "3")]


def test_spelling_variants_read_alike(extract):
    for a, b in [("हजार", "हज़ार"), ("पांच", "पाँच"), ("सितंबर", "सितम्बर"), ("अक्टूबर", "अक्तूबर")]:
        va = [v for _, _, v in triples(extract, f"5 {a} 2020")]
        vb = [v for _, _, v in triples(extract, f"5 {b} 2020")]
        assert va == vb and va, (a, b)


def test_devanagari_and_ascii_digits_alike(extract):
    assert [v for _, _, v in triples(extract, "१५ जनवरी २०२२ को ₹५ लाख")] == [
        v for _, _, v in triples(extract, "15 जनवरी 2022 को ₹5 लाख")
    ]


def test_nukta_kept_in_span(extract):
    # the placeholder normalizer drops the nukta; the span still ends after it
    assert triples(extract, "2.5 करोड़ की") == [("2.5 करोड़", "number", "25000000")]


def test_overlaps_longest_wins(extract):
    spans = extract("25 मार्च 2021 को 2.5 करोड़ रुपये")
    assert [s.kind for s in spans] == ["date", "money"]


# ---------------------------------------------------------------- reference dates


def test_resolved_partial_date_and_weekday(extract):
    spans = extract("15 जनवरी को शनिवार", reference_date="2022-01-11")
    assert [s.resolved for s in spans] == ["2022-01-15", "2022-01-08"]
    spans = extract("शनिवार", reference_date=datetime.date(2022, 1, 10))
    assert spans[0].resolved == "2022-01-08"
    spans = extract("सोमवार", reference_date=datetime.datetime(2022, 1, 10, 23, 59))
    assert spans[0].resolved == "2022-01-10"  # on or before


def test_resolved_nearest_year(extract):
    assert extract("15 दिसंबर", reference_date="2022-01-11")[0].resolved == "2021-12-15"
    assert extract("29 फरवरी", reference_date="2023-06-01")[0].resolved == "2024-02-29"


def test_resolved_without_reference(extract):
    spans = extract("15 जनवरी, शनिवार, 25 मार्च 2021, मार्च 2021, 5 लोग")
    assert [s.resolved for s in spans] == [None, None, "2021-03-25", None, None]


@pytest.mark.parametrize(
    "bad,exc",
    [
        ("2022-13-01", ValueError),
        ("2022-02-30", ValueError),
        ("11/01/2022", ValueError),
        ("yesterday", ValueError),
        ("", ValueError),
        (20220110, TypeError),
        (1.5, TypeError),
        (["2022-01-10"], TypeError),
    ],
)
def test_bad_reference_date(extract, bad, exc):
    with pytest.raises(exc, match="reference_date"):
        extract("15 जनवरी", reference_date=bad)


# ---------------------------------------------------------------- kinds filter


def test_kinds_filter(extract):
    text = "25 मार्च 2021 को 2.5 करोड़ रुपये और 5 लोग"
    assert [s.kind for s in extract(text, kinds=["money", "number"])] == ["money", "number"]
    assert extract(text, kinds=[]) == []
    assert [s.kind for s in extract(text, kinds=("date",))] == ["date"]


@pytest.mark.parametrize(
    "kinds,exc", [("date", TypeError), (["dates"], ValueError), ([1], TypeError), (5, TypeError)]
)
def test_bad_kinds(extract, kinds, exc):
    with pytest.raises(exc, match="kinds"):
        extract("5 लोग", kinds=kinds)


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize("bad", [None, 5, b"5 lakh", ["5"]])
def test_bad_text(extract, bad):
    with pytest.raises(TypeError, match="text"):
        extract(bad)


def test_lone_surrogate(extract):
    with pytest.raises(ValueError, match="index 2"):
        extract("ab\ud800cd")


@pytest.mark.parametrize("impl", sorted(IMPLS))
def test_batch_bad_items(impl):
    batch = asimtext.extract_batch if impl == "rust" else pure.extract_batch
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        batch(["ok", 5])
    with pytest.raises(TypeError, match="texts"):
        batch("a single str")
    with pytest.raises(TypeError, match="texts"):
        batch(5)
    with pytest.raises(ValueError, match="reference_dates"):
        batch(["a", "b"], reference_dates=["2022-01-01"])
    with pytest.raises(ValueError, match=r"reference_dates\[1\]"):
        batch(["a", "b"], reference_dates=["2022-01-01", "2022-99-01"])
    with pytest.raises(TypeError, match="reference_dates"):
        batch(["a"], reference_dates=5)


@pytest.mark.parametrize("impl", sorted(IMPLS))
def test_batch_matches_single(impl):
    batch = asimtext.extract_batch if impl == "rust" else pure.extract_batch
    single = IMPLS[impl]
    texts = ["15 जनवरी को शनिवार", "", "5 लोग", "Jan 11, 2022"]
    refs = ["2022-01-11", None, datetime.date(2020, 1, 1), "2021-05-05"]
    got = batch(texts, reference_dates=refs)
    assert got == [single(t, reference_date=r) for t, r in zip(texts, refs)]
    got = batch(texts, reference_dates="2022-01-11", kinds=["date"])
    assert got == [single(t, reference_date="2022-01-11", kinds=["date"]) for t in texts]
    assert batch(iter(texts)) == [single(t) for t in texts]
    assert batch([]) == []


# ---------------------------------------------------------------- Span object


@pytest.mark.parametrize("impl", sorted(IMPLS))
def test_span_object(impl):
    spans = IMPLS[impl]("15 जनवरी को शनिवार", reference_date="2022-01-11")
    s = spans[0]
    assert (s.start, s.end, s.text, s.kind, s.value, s.resolved) == (
        0,
        8,
        "15 जनवरी",
        "date",
        "--01-15",
        "2022-01-15",
    )
    assert s.to_dict() == {
        "start": 0,
        "end": 8,
        "text": "15 जनवरी",
        "kind": "date",
        "value": "--01-15",
        "resolved": "2022-01-15",
    }
    assert pickle.loads(pickle.dumps(s)) == s
    assert hash(pickle.loads(pickle.dumps(s))) == hash(s)
    assert len({s, spans[0], spans[1]}) == 2
    assert sorted(spans, reverse=True) == spans[::-1]
    assert s < spans[1] and spans[1] > s and s <= spans[0] and s >= spans[0]
    assert s != spans[1]
    assert "Span(0, 8, '15 जनवरी', kind='date', value='--01-15', resolved='2022-01-15')" == repr(s)
    with pytest.raises(AttributeError):
        s.start = 3
    assert type(s)(0, 8, "15 जनवरी", "date", "--01-15", "2022-01-15") == s


def test_rust_span_constructor_validates():
    with pytest.raises(ValueError, match="kind"):
        asimtext.Span(0, 1, "x", "nonsense", "1")
    with pytest.raises(ValueError, match="start"):
        asimtext.Span(3, 1, "x", "number", "1")


# ---------------------------------------------------------------- invariants


def check_invariants(text, spans):
    prev_end = 0
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.start >= prev_end, "spans overlap or are out of order"
        assert s.kind in asimtext.SPAN_KINDS
        prev_end = s.end


def test_invariants_on_seeds(extract):
    for path in sorted((DATA / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        check_invariants(text, extract(text))


# ---------------------------------------------------------------- the gold file


@pytest.mark.parametrize("impl", sorted(IMPLS))
def test_gold_f1(impl):
    scores = ev.evaluate_spans(str(DATA / "seeds.spans.jsonl"), extract=IMPLS[impl])
    strict = scores["strict"]
    assert strict["all"]["f1"] >= 0.95, ev.format_scores(scores)
    for kind, s in strict.items():
        if s["gold"]:
            assert s["f1"] >= 0.9, (kind, ev.format_scores(scores))


def test_precomposed_and_decomposed_nukta_alike(extract):
    decomposed = "2.5 करो\u0921\u093c रुपये, डे\u0922\u093c सौ, दो ह\u091c\u093cार"
    precomposed = "2.5 करो\u095c रुपये, डे\u095d सौ, दो ह\u095bार"
    a = [(s.start, s.kind, s.value) for s in extract(decomposed)]
    b = [(s.start, s.kind, s.value) for s in extract(precomposed)]
    assert [x[1:] for x in a] == [x[1:] for x in b] == [
        ("money", "INR 25000000"),
        ("number", "150"),
        ("number", "2000"),
    ]


def test_readme_example():
    spans = asimtext.extract(
        "उन्हें 25 मार्च 2021 को ₹5 लाख मिले, 15 जनवरी को शनिवार", reference_date="2022-01-11"
    )
    assert [repr(s) for s in spans] == [
        "Span(7, 20, '25 मार्च 2021', kind='date', value='2021-03-25', resolved='2021-03-25')",
        "Span(24, 30, '₹5 लाख', kind='money', value='INR 500000')",
        "Span(37, 45, '15 जनवरी', kind='date', value='--01-15', resolved='2022-01-15')",
        "Span(49, 55, 'शनिवार', kind='weekday', value='saturday', resolved='2022-01-08')",
    ]
