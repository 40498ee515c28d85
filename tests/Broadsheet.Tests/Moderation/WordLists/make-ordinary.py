#!/usr/bin/env python3
"""Writes ordinary.txt: news-like Russian and English sentences no word list should stop.
Hand-written lines (hand-written.txt) plus sentences from templates over place names, surnames and
words that contain a listed stem by accident. Deterministic: run it again and the file is the same."""
import random, pathlib
here = pathlib.Path(__file__).parent
rnd = random.Random(16)

ru_places = ["Дебальцево", "Скупщина Сербии", "Кретинга", "Козельск", "Лохвица", "Хуэйчжоу", "Мудьюг", "Дураково", "Сукко", "Пизанская башня",
    "Екатеринбург", "Нижний Новгород", "Казань", "Владивосток", "Ханты-Мансийск", "Лох-Несс", "Сыктывкар", "Калининград", "Ростов-на-Дону",
    "Тверь", "Урюпинск", "Мурманск", "Улан-Удэ", "Хабаровск", "Ярославль", "Суздаль", "Бишкек", "Гондурас", "Анапа", "Сочи", "Ессентуки"]
ru_names = ["Козлов", "Козлова", "Дураков", "Сукачёв", "Мудрый", "Идиатуллин", "Дебров", "Урядов", "Скотников", "Тварковский", "Говоров",
    "Блядько", "Гниденко", "Бляхер", "Шлюхтер", "Хуснутдинов", "Ху Цзиньтао", "Мразин", "Иванов", "Петрова", "Смирнов", "Кузнецова",
    "Соколов", "Попова", "Лебедев", "Новиков", "Морозова", "Волков", "Павлова", "Семёнов", "Голубева", "Виноградов", "Богданова"]
ru_roles = ["губернатор", "министр финансов", "депутат Госдумы", "глава района", "тренер сборной", "директор театра", "мэр города",
    "пресс-секретарь", "прокурор области", "ректор университета", "главный врач больницы", "председатель суда", "капитан команды"]
ru_verbs = ["заявил журналистам, что", "сообщил на брифинге, что", "напомнил, что", "подчеркнул, что", "рассказал в интервью, что",
    "пообещал, что", "признал, что", "уточнил, что", "отметил на совещании, что"]
ru_facts = ["ремонт дороги закончат к осени", "бюджет на следующий год увеличат на пять процентов", "школу откроют первого сентября",
    "очереди в поликлинике стали короче", "цены на овощи снизились после урожая", "мост через реку закроют на ремонт",
    "в парке высадят двести деревьев", "новый автобусный маршрут запустят в марте", "тарифы на отопление пересмотрят",
    "стадион примет матчи чемпионата", "выставка продлится до конца месяца", "аэропорт перейдёт на летнее расписание",
    "в ЧМ по хоккею сборная сыграет в группе B", "скот на фермах привили от ящура", "урожай пшеницы оказался выше прошлогоднего",
    "гадать о сроках пока рано",
    "дуршлаги и кастрюли подорожали", "кредиты для малого бизнеса станут дешевле", "музей истории города откроется после реставрации",
    "библиотека продлит часы работы", "мусор будут вывозить ежедневно", "на набережной поставят новые скамейки"]
ru_frames = ["{role} {name} {verb} {fact}.", "В городе {place} {fact}, сообщает пресс-служба.", "{name}, {role}: «{fact_cap}».",
    "По данным пресс-службы, {fact}, — говорит {name}.", "Жители района {place} узнали, что {fact}.", "Как {verb_short} {name}, {fact}.",
    "{place}: {fact_cap} — об этом {verb_short} {role} {name}.", "Читатели из {place_gen} пишут, что {fact}.",
    "Комментарий к статье про {place}: спасибо автору, {fact}.", "{name} считает, что {fact}, и с ним согласен {name2}."]
ru_verbs_short = ["сообщил", "рассказал", "заявил", "пояснил", "написал"]

en_places = ["Scunthorpe", "Penistone", "Middlesex", "Sussex", "Essex", "Cockburnspath", "Shitterton", "Clitheroe",
    "Lightwater", "Niger", "Nigeria", "Manchester", "Leeds", "Glasgow", "Cardiff", "Boston", "Denver", "Dublin", "Toronto", "Melbourne",
    "Brisbane", "Wellington", "Lagos", "Nairobi", "Kyiv", "Warsaw", "Tbilisi", "Hull", "Dorking", "Bishop's Stortford"]
en_names = ["Dickens", "Cockburn", "Hancock", "Cockerill", "Moroney", "Idiens", "Bastardo", "Shittu", "Kuntz", "Fuchs", "Whorton",
    "Cretinoir", "Twatley", "Slutsky", "Retallick", "Assange", "Johnson", "Patel", "Nguyen", "Garcia", "O'Brien", "Kowalski", "Okafor",
    "Murphy", "Schmidt", "Rossi", "Andersson", "Yamamoto", "Hughes", "Fitzgerald", "Mbappe"]
en_roles = ["the mayor", "the health secretary", "a council spokesperson", "the club's manager", "the head teacher", "the chief constable",
    "the museum's curator", "the party leader", "the assistant coach", "the union's general secretary", "a class teacher", "the harbour master"]
en_verbs = ["told reporters that", "said on Tuesday that", "confirmed that", "admitted that", "warned that", "promised that", "wrote that"]
en_facts = ["the bypass will open in the spring", "the council has balanced its budget", "the class sizes will fall next year",
    "the assistant referee made the right call", "the cocktail bar on the high street will close", "the bus lanes will be extended",
    "the harvest was the best in a decade", "the hospital has cut its waiting list", "the library will open on Sundays",
    "the bridge needs urgent repairs", "the river has burst its banks", "the rail strike has been called off",
    "the assessment was published on Monday", "the shuttlecock factory will take on forty staff", "the passage of the bill is not certain",
    "the Essex coast is eroding faster than expected", "the analysis of the data took two years", "the document was signed in Brussels",
    "the pitch was in poor condition", "the grass court season starts in June", "the therapists' union accepted the offer",
    "the circumstances of the crash are unclear", "the scrap metal yard will be moved", "the peacock at the zoo has recovered"]
en_frames = ["{role_cap} {name} {verb} {fact}.", "In {place}, {fact}, according to local officials.", "{name} said: \"{fact_cap}.\"",
    "Residents of {place} learned that {fact}.", "According to {name}, {fact}.", "{place}: {role} {name} says {fact}.",
    "Readers in {place} wrote in to say {fact}.", "Thanks for the piece on {place}; {fact}, as {name} pointed out.",
    "{name} believes {fact}, and {name2} agrees.", "Great reporting. I live near {place} and {fact}."]

ru_gen = {"Дебальцево": "Дебальцево", "Скупщина Сербии": "Скупщины Сербии", "Кретинга": "Кретинги", "Козельск": "Козельска", "Лохвица": "Лохвицы"}

def cap(s): return s[0].upper() + s[1:]
def gen_ru(n):
    out = set()
    while len(out) < n:
        f = rnd.choice(ru_frames); place = rnd.choice(ru_places); fact = rnd.choice(ru_facts)
        name = rnd.choice(ru_names); name2 = rnd.choice(ru_names)
        s = f.format(role=rnd.choice(ru_roles), name=name, name2=name2, verb=rnd.choice(ru_verbs), fact=fact, fact_cap=cap(fact),
            name_gen=name, place=place, place_gen=ru_gen.get(place, place), verb_short=rnd.choice(ru_verbs_short))
        out.add(cap(s))
    return sorted(out)
def gen_en(n):
    out = set()
    while len(out) < n:
        f = rnd.choice(en_frames); fact = rnd.choice(en_facts); role = rnd.choice(en_roles)
        s = f.format(role=role, role_cap=cap(role), name=rnd.choice(en_names), name2=rnd.choice(en_names), verb=rnd.choice(en_verbs),
            fact=fact, fact_cap=cap(fact), place=rnd.choice(en_places))
        out.add(cap(s))
    return sorted(out)

hand = [l for l in (here / "hand-written.txt").read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
lines = hand + gen_ru(500) + gen_en(500)
rnd.shuffle(lines)
(here / "ordinary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
print(len(lines), "sentences")
