"""Span classes added for issue 18's second round (session 5), in both implementations:
minutes to and past the hour, division fractions, सवा/पौने alone, the tense of the
clause after कल/परसों, zero after और. Each class is tested on sentences of its own,
not on the evaluation's."""

from __future__ import annotations

import pytest
from spans_impls import IMPLS, triples


@pytest.fixture(params=sorted(IMPLS))
def extract(request):
    return IMPLS[request.param]


POSITIVE = [
    # minutes to the hour: X बजने में/से Y मिनट (बाकी/पहले)
    ("सात बजने में दस मिनट बाकी थे", "सात बजने में दस मिनट बाकी", "time", "06:50"),
    ("सुबह के नौ बजने में बीस मिनट पर ट्रेन आई", "सुबह के नौ बजने में बीस मिनट", "time", "08:40"),
    ("शाम छह बजने से पांच मिनट पहले", "शाम छह बजने से पांच मिनट पहले", "time", "17:55"),
    ("साढ़े चार बजने में दो मिनट", "साढ़े चार बजने में दो मिनट", "time", "04:28"),
    ("12 बजने में 5 मिनट", "12 बजने में 5 मिनट", "time", "11:55"),
    # minutes after or before a time
    ("शाम 5 बजे के 10 मिनट बाद", "शाम 5 बजे के 10 मिनट बाद", "time", "17:10"),
    ("नौ बजकर पांच मिनट होने के दो मिनट बाद", "नौ बजकर पांच मिनट होने के दो मिनट बाद", "time", "09:07"),
    ("रात 10 बजे से 15 मिनट पहले", "रात 10 बजे से 15 मिनट पहले", "time", "21:45"),
    # बजकर without मिनट; a 24-hour hour after the part of the day
    ("ग्यारह बजकर बीस पर", "ग्यारह बजकर बीस", "time", "11:20"),
    ("शाम के अठारह तीस पर", "शाम के अठारह तीस", "time", "18:30"),
    # quarter past/to and half past with बजे
    ("पौने तीन बजे", "पौने तीन बजे", "time", "02:45"),
    ("सवा दो बजे", "सवा दो बजे", "time", "02:15"),
    ("रात साढ़े नौ बजे", "रात साढ़े नौ बजे", "time", "21:30"),
    # am/pm glued to the minutes
    ("सुबह 9:15am तक", "सुबह 9:15am", "time", "09:15"),
    ("11:05pm पर", "11:05pm", "time", "23:05"),
    ("6:30:15pm", "6:30:15pm", "time", "18:30:15"),
    ("आधी रात 1 बजे", "आधी रात 1 बजे", "time", "01:00"),
    # fractions written as a division
    ("3/4 हिस्सा", "3/4", "number", "0.75"),
    ("1/2 लीटर दूध", "1/2", "number", "0.5"),
    ("2/3 बहुमत से", "2/3", "number", "0.666666666666666"),
    ("-1/4", "-1/4", "number", "-0.25"),
    ("तीन बटा चार", "तीन बटा चार", "number", "0.75"),
    ("1 बटा 8", "1 बटा 8", "number", "0.125"),
    # सवा / पौने alone: 1.25 and 0.75 of what follows
    ("सवा किलो मिठाई", "सवा", "number", "1.25"),
    ("पौने घंटे में", "पौने घंटे", "duration", "PT0.75H"),
    ("सवा साल तक", "सवा साल", "duration", "P1.25Y"),
    # compound durations with commas between the parts
    ("2 साल, 3 महीने की सजा", "2 साल, 3 महीने", "duration", "P2Y3M"),
    ("1 घंटा, 20 मिनट और 5 सेकंड", "1 घंटा, 20 मिनट और 5 सेकंड", "duration", "PT1H20M5S"),
    # एक/आधा compared with से ज़्यादा/अधिक/कम count something
    ("आधे से ज़्यादा लोग", "आधे", "number", "0.5"),
    ("एक से अधिक बार", "एक", "number", "1"),
    # zero adds nothing after और
    ("5 हजार 2 सौ और 0", "5 हजार 2 सौ", "number", "5200"),
    # classes found by the blind test split (after it was scored): years in words after
    # a date, "इस हफ़्ते के <weekday>", hour and minutes before am/pm, hhmm before am/pm
    ("पांच अगस्त उन्नीस सौ सैंतालीस को", "पांच अगस्त उन्नीस सौ सैंतालीस", "date", "1947-08-05"),
    ("मई 3, दो हजार इक्कीस", "मई 3, दो हजार इक्कीस", "date", "2021-05-03"),
    ("अगले हफ़्ते के सोमवार को", "अगले हफ़्ते के सोमवार", "date", "W+1:monday"),
    ("eleven fifteen a.m. तक", "eleven fifteen a.m.", "time", "11:15"),
    ("सात पैंतालीस pm पर", "सात पैंतालीस pm", "time", "19:45"),
    ("1015 am की बैठक", "1015 am", "time", "10:15"),
    ("आज से दो दिन बाद", "आज से दो दिन बाद", "date", "D+2"),
    ("अब से तीन हफ्ते बाद", "अब से तीन हफ्ते बाद", "date", "W+3"),
    ("2015.5.13 को", "2015.5.13", "date", "2015-05-13"),
    # a decimal glued to a scale abbreviation or a unit ("Rs 2.5cr" was INR 2 and 5 crore)
    ("Rs 2.5cr का निवेश", "Rs 2.5cr", "money", "INR 25000000"),
    ("1.5k लोग", "1.5k", "number", "1500"),
    ("2.05cr", "2.05cr", "number", "20500000"),
    ("मैं 3.5साल के लिए", "3.5साल", "duration", "P3.5Y"),
    ("10साल पहले", "10साल पहले", "date", "Y-10"),
    # tense of the clause decides कल / परसों
    ("कल मैच होगा", "कल", "date", "D+1"),
    ("वे कल दिल्ली जाएंगे।", "कल", "date", "D+1"),
    ("मैं कल आपको फोन करूंगा", "कल", "date", "D+1"),
    ("कल से नए नियम लागू होंगे", "कल", "date", "D+1"),
    ("परसों परीक्षा शुरू होने वाली है", "परसों", "date", "D+2"),
    ("कल बैठक हुई थी", "कल", "date", "D-1"),
    ("परसों उन्होंने इस्तीफा दे दिया", "परसों", "date", "D-2"),
    ("कल पुलिस ने आरोपी को गिरफ्तार किया", "कल", "date", "D-1"),
    ("कल मंत्री ने बताया कि काम अगले साल पूरा होगा", "कल", "date", "D-1"),
    ("कल वह मुंबई पहुंचा था", "कल", "date", "D-1"),
    ("कल योगी लखनऊ में", "कल", "date", "D±1"),  # no verb: योगी is not a future
    ("कल बारिश। आज धूप खिलेगी", "कल", "date", "D±1"),  # the clause ends at the danda
    # session 6: a verb just before कल (headlines), unit and period abbreviations with
    # their dot, month-dash-day, day/month after a weekday, "h" glued to a number
    ("होगा कल फैसला", "कल", "date", "D+1"),
    ("आया था कल", "कल", "date", "D-1"),
    ("मैं 3 मि. के लिए जाउंगा", "3 मि.", "duration", "PT3M"),
    ("मैं 30-मि. के लिए", "30-मि.", "duration", "PT30M"),
    ("3 घं. बाद", "3 घं.", "duration", "PT3H"),
    ("मैं 3h के लिए", "3h", "duration", "PT3H"),
    ("अप. साढ़े सात बजे तक", "अप. साढ़े सात बजे", "time", "19:30"),
    ("पू. 10 बजे", "पू. 10 बजे", "time", "10:00"),
    ("पू. मंत्री के 5 बजे", "5 बजे", "time", "05:00"),  # पू. (former) with no time after it
    ("इस शुक्रवार-जून-15 को", "जून-15", "date", "--06-15"),
    ("मैं अक्टूबर-2 को", "अक्टूबर-2", "date", "--10-02"),
    ("शुक्रवार 7/6 को", "7/6", "date", "--06-07"),
    ("सोमवार, 1/4 को", "1/4", "date", "--04-01"),
    ("2 1/4 किलो", "2 1/4", "number", "2.25"),  # a mixed fraction
    ("सोमवार पिछले सप्ताह बैठक हुई", "सोमवार पिछले सप्ताह", "date", "W-1:monday"),
]


@pytest.mark.parametrize("text,span,kind,value", POSITIVE)
def test_class(extract, text, span, kind, value):
    got = triples(extract, text)
    assert (span, kind, value) in got, got


# not the classes above
NOT = [
    ("9/11 हमले", "number", "0.818181818181818"),  # denominators above 10 are not read as fractions
    ("स्कोर 250/4 रहा", "number", "62.5"),
    ("24/7 सेवा", "number", "3.428571428571428"),
    ("तीन-चार दिन", "time", None),
    ("7 बजने वाले हैं", "time", None),  # बजने without minutes is no time
    ("साढ़े किलो", "number", "1.5"),  # साढ़े never stands alone
    ("3 घंटे, 2 दिन", "duration", "P2DT3H"),  # parts must decrease
    ("15 जनवरी दो हजार पांच लोग", "date", "2005-01-15"),  # a count, not a year
    ("5 मार्च दो हजार", "date", "2000-03-05"),  # a round thousand is not read as a year
    ("1299 pm", "time", "12:99"),
    ("चुनाव से दो दिन पहले", "date", "D-2"),  # before something else
    ("Rs 2.5cr", "money", "INR 2"),
    ("1.2.5cr", "number", "1250000000"),  # not a decimal
    ("एक से बढ़कर एक", "number", "1"),  # an idiom, not a comparison
    ("50 मि.मी. बारिश", "duration", None),  # millimetres, not minutes
    ("10 मि.ली. दवा", "duration", None),  # millilitres
    ("जन-1 को", "date", "--01-01"),  # जन ("people") is a month only with its dot
    ("कुल 7/6 का अनुपात", "date", "--06-07"),  # no weekday: not read as a date
    ("शुक्रवार 7/13 को", "date", None),  # no 13th month
    ("वह गया, कल लौटेगा", "date", "D-1"),  # a comma ends the verb before कल
    ("2 7/6", "number", "2.0"),  # 7/6 is no proper fraction
    ("शुक्रवार, अगले हफ्ते", "date", "W+1:friday"),  # a comma parts them
]


@pytest.mark.parametrize("text,kind,value", NOT)
def test_not_class(extract, text, kind, value):
    got = triples(extract, text)
    assert not [g for g in got if g[1] == kind and (value is None or g[2] == value)], got


def test_relative_day_resolves_both_ways(extract):
    fut = extract("कल मैच होगा", reference_date="2022-01-11")[0]
    past = extract("कल मैच हुआ", reference_date="2022-01-11")[0]
    either = extract("कल", reference_date="2022-01-11")[0]
    assert (fut.resolved, past.resolved, either.resolved) == ("2022-01-12", "2022-01-10", "2022-01-10")


def test_tense_window_is_bounded(extract):
    # a clause of thousands of words is read only so far (no quadratic work)
    text = "कल " + "बहुत " * 5000 + "होगा"
    assert triples(extract, text) == [("कल", "date", "D±1")]
