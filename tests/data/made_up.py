"""Articles written for the tests (not real reporting): unrelated stories in both
languages, and pairs of reports that disagree on a value."""

FLOOD_HI = """पटना में गंगा का जलस्तर बढ़ा, एनडीआरएफ की टीमें तैनात

बिहार की राजधानी पटना में गंगा नदी का जलस्तर लगातार बढ़ रहा है. मुख्यमंत्री नीतीश कुमार ने शनिवार को पटना और वैशाली के निचले इलाकों का हवाई सर्वेक्षण किया. आपदा प्रबंधन विभाग के अनुसार 12 जिलों में करीब 3 लाख लोग प्रभावित हैं और 18 अगस्त 2021 तक 14 लोगों की मौत हो चुकी है. गांधी घाट पर गंगा खतरे के निशान से 62 सेंटीमीटर ऊपर बह रही है. एनडीआरएफ और एसडीआरएफ की 20 टीमें राहत और बचाव के काम में लगी हैं. दानापुर और मनेर में नावों से लोगों को सुरक्षित जगहों पर पहुंचाया जा रहा है. नीतीश कुमार ने अधिकारियों को सामुदायिक रसोई चलाने का निर्देश दिया है.
"""

FLOOD_EN = """Ganga in spate at Patna, NDRF teams deployed

The Ganga continued to rise in Patna, the capital of Bihar. Chief Minister Nitish Kumar on Saturday conducted an aerial survey of low-lying areas of Patna and Vaishali. According to the disaster management department, about 3 lakh people in 12 districts are affected and 14 people had died as of 18 August 2021. At Gandhi Ghat the river is flowing 62 cm above the danger mark. Twenty teams of the NDRF and SDRF are engaged in relief and rescue. Boats are ferrying people from Danapur and Maner to safe places. Nitish Kumar directed officials to run community kitchens.
"""

CRICKET_EN = """Rohit Sharma's 87 powers Mumbai Indians past Chennai at Wankhede

Rohit Sharma struck 87 off 52 balls as Mumbai Indians beat Chennai Super Kings by six wickets at the Wankhede Stadium on Saturday. Jasprit Bumrah took three wickets for 24 runs. Chasing 171, Mumbai got home with two balls to spare. Suryakumar Yadav made an unbeaten 41. The BCCI said the stadium would be at full capacity for the final on 29 May 2022. Chennai captain MS Dhoni praised the young bowlers despite the defeat.
"""

CRICKET_HI = """रोहित शर्मा की 87 रन की पारी, वानखेड़े में मुंबई इंडियंस जीती

मुंबई के वानखेड़े स्टेडियम में शनिवार को खेले गए मुकाबले में रोहित शर्मा ने 52 गेंदों पर 87 रन बनाए और मुंबई इंडियंस ने चेन्नई सुपर किंग्स को छह विकेट से हरा दिया. जसप्रीत बुमराह ने 24 रन देकर तीन विकेट लिए. 171 रन का पीछा करते हुए मुंबई ने दो गेंद बाकी रहते जीत हासिल की. सूर्यकुमार यादव 41 रन बनाकर नाबाद रहे. बीसीसीआई ने कहा कि 29 मई 2022 को फाइनल में स्टेडियम पूरी क्षमता से भरा रहेगा. चेन्नई के कप्तान एमएस धोनी ने हार के बावजूद युवा गेंदबाजों की तारीफ की.
"""

TECH_EN = """Bengaluru startup raises funds for battery recycling plant

A Bengaluru-based startup, Volta Cycle, said on Tuesday it had raised 40 million dollars to build a lithium battery recycling plant near Hosur. The company expects the plant to process 10,000 tonnes of used batteries a year by 2024. Its founder Meera Iyer said electric scooter makers in Karnataka and Tamil Nadu would be its first customers. The round was led by a Singapore investment fund.
"""

EXAM_HI = """राजस्थान बोर्ड की दसवीं की परीक्षा के नतीजे घोषित, 82 फीसदी विद्यार्थी पास

अजमेर स्थित माध्यमिक शिक्षा बोर्ड ने गुरुवार को दसवीं कक्षा का परिणाम जारी किया. इस बार 82 फीसदी विद्यार्थी उत्तीर्ण हुए हैं. झुंझुनूं जिले की छात्रा प्रिया चौधरी ने 99.5 प्रतिशत अंक लेकर प्रदेश में पहला स्थान हासिल किया. शिक्षा मंत्री ने सफल विद्यार्थियों को बधाई दी. बोर्ड अध्यक्ष के मुताबिक पुनर्मूल्यांकन के लिए आवेदन 15 जून तक किए जा सकते हैं.
"""

# Two outlets carry one report; the second changed the death toll.
SYND_A = """जयपुर-अजमेर हाईवे पर बस और ट्रक की टक्कर

दूदू के पास मंगलवार तड़के जयपुर-अजमेर राष्ट्रीय राजमार्ग पर एक निजी बस और ट्रक की आमने-सामने की टक्कर में 12 लोगों की मौत हो गई और कई यात्री घायल हो गए. पुलिस के अनुसार बस जयपुर से भीलवाड़ा जा रही थी. घायलों को जयपुर के सवाई मानसिंह अस्पताल में भर्ती कराया गया है.
"""

SYND_B = """दूदू में भीषण सड़क हादसा

दूदू के पास मंगलवार तड़के जयपुर-अजमेर राष्ट्रीय राजमार्ग पर एक निजी बस और ट्रक की आमने-सामने की टक्कर में 15 लोगों की मौत हो गई और कई यात्री घायल हो गए. पुलिस के अनुसार बस जयपुर से भीलवाड़ा जा रही थी. घायलों को जयपुर के सवाई मानसिंह अस्पताल में भर्ती कराया गया है. मुख्यमंत्री ने मृतकों के परिजनों को दो लाख रुपये की सहायता देने की घोषणा की है.
"""

# Two outlets, two languages, disagree on how long the operation lasted.
OPERATION_EN = """ATS ends Lucknow hideout siege, suspect Saifullah killed

The Uttar Pradesh ATS killed Saifullah, a suspect linked to ISIS, in Thakurganj in Lucknow on 8 March 2017. The ATS operation against Saifullah in Thakurganj lasted 12 hours before commandos entered the house. An ATS officer said the team had asked Saifullah to surrender. A flag of ISIS was recovered from the house in Thakurganj.
"""

OPERATION_HI = """लखनऊ के ठाकुरगंज में एटीएस का ऑपरेशन, सैफुल्लाह मारा गया

उत्तर प्रदेश एटीएस ने 8 मार्च 2017 को लखनऊ के ठाकुरगंज में आईएसआईएस से जुड़े संदिग्ध सैफुल्लाह को मार गिराया. ठाकुरगंज में सैफुल्लाह के खिलाफ एटीएस का ऑपरेशन 14 घंटे तक चला और फिर कमांडो घर में दाखिल हुए. एटीएस के एक अधिकारी ने बताया कि टीम ने सैफुल्लाह से सरेंडर करने को कहा था. ठाकुरगंज के मकान से आईएसआईएस का झंडा भी मिला.
"""
