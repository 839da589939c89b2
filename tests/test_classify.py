"""Heading and lead-in classification rules."""

from __future__ import annotations

import re

import pytest

from extractors.classify import classify_heading, classify_lead_in
from extractors.text import strip_number


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("What Are Nighttime Leg Cramps?", "definition"),
        ("Why Do Leg Cramps Happen at Night?", "causes"),
        ("Common Causes of Nighttime Leg Cramps", "causes"),
        ("Causes and Risk Factors", "causes"),
        ("Risk Factors and Causes", "risk_factors"),
        ("Who Gets Gout?", "risk_factors"),
        ("Are you more likely to get asthma?", "risk_factors"),
        ("How do you know if you have Lyme disease?", "signs"),
        ("What Are the Symptoms of Gout?", "signs"),
        ("Symptoms to Watch For", "signs"),
        ("Children who need extra care", "risk_factors"),
        ("See a physio or GP if", "when_to_see_doctor"),
        ("How to cool someone down", "treatment"),
        ("Putting it right", "treatment"),
        ("How Is Gout Diagnosed?", "diagnosis"),
        ("Getting Tested", "diagnosis"),
        ("Treatment Options", "treatment"),
        ("Managing Eczema", "treatment"),
        ("Can Shingles Be Prevented?", "prevention"),
        ("Protecting Yourself", "prevention"),
        ("Possible Complications", "complications"),
        ("When Should You Call a Doctor?", "when_to_see_doctor"),
        ("Signs You Should See a Doctor", "when_to_see_doctor"),
        ("Outlook", "outlook"),
        ("The Bottom Line", "other"),
        ("¿Qué causa la gota?", "causes"),
        ("Facteurs de risque", "risk_factors"),
        ("Wann sollten Sie zum Arzt gehen?", "when_to_see_doctor"),
        ("Quando procurar um médico", "when_to_see_doctor"),
        ("Cómo se presenta un ataque", "signs"),
        ("¿Cuándo llevarlo al pediatra?", "when_to_see_doctor"),
        ("2. Dehydration", None),
        ("How to reduce your exposure", "prevention"),
        ("How floaters are checked", "diagnosis"),
        ("Non-urgent advice: Speak to a GP again if:", "when_to_see_doctor"),
        ("Going back to your GP", "when_to_see_doctor"),
        ("Talk to a health visitor or GP", "when_to_see_doctor"),
        ("Check with a doctor when", "when_to_see_doctor"),
        ("Headaches that need a doctor", "when_to_see_doctor"),
        ("Cures worth trying", "treatment"),
        ("Stopping a nosebleed", "treatment"),
        ("Easing the symptoms", "treatment"),
        ("Reducing flare-ups", "prevention"),
        ("Seeing a doctor", "when_to_see_doctor"),
        ("Pain that lasts after the rash", "complications"),
        ("Call 999 or go to A&E if:", "when_to_see_doctor"),
        ("Go back to work", None),
        ("What you might notice", "signs"),
        ("What to look for", "signs"),
        ("What to notice", "signs"),
        ("Changes to look out for", "signs"),
        ("How a keloid looks and feels", "signs"),
        ("Who should keep a closer eye on moles?", "risk_factors"),
        ("Who notices it most?", "risk_factors"),
        ("Common questions", "other"),
        ("Why do I need a plaster cast?", None),
        ("Key facts", "other"),
        ("Questions we often hear at the counter", "other"),
        ("Why do toes curl?", "causes"),
        ("Questions parents often ask", "other"),
        ("Your dry eye questions, answered", "other"),
        ("How we tested", "other"),
        ("Quick picks", "other"),
        ("Plantar fasciitis in a nutshell", "definition"),
        ("Getting tested", "diagnosis"),
        ("Will they go down on their own?", "outlook"),
        # Italian
        ("Che cos'è il paterecchio", "definition"),
        ("Fattori di rischio", "risk_factors"),
        ("Come si manifesta", "signs"),
        ("Sintomi", "signs"),
        ("Rimedi", "treatment"),
        ("Cura", "treatment"),
        ("Come prevenirla", "prevention"),
        ("Quando rivolgersi al medico", "when_to_see_doctor"),
        ("Perché si forma", "causes"),
        # Japanese (no spaces between words)
        ("緊張型頭痛とは？", "definition"),
        ("なぜできるの？主な原因", "causes"),
        ("こんな人は要注意", "risk_factors"),
        ("代表的な症状", "signs"),
        ("病院での治療", "treatment"),
        ("繰り返さないために", "prevention"),
        ("こんなときは眼科へ", "when_to_see_doctor"),
        ("歯科や内科を受診したほうがよいケース", "when_to_see_doctor"),
        # Chinese (Simplified)
        ("什么是口腔溃疡？", "definition"),
        ("慢性咽炎是怎么回事？", "definition"),
        ("为什么会得慢性咽炎？", "causes"),
        ("哪些人容易得口腔溃疡？", "risk_factors"),
        ("临床表现", "signs"),
        ("如何治疗", "treatment"),
        ("日常如何预防", "prevention"),
        ("出现以下情况应及时就医", "when_to_see_doctor"),
        # Russian
        ("Что такое гастрит?", "definition"),
        ("Почему возникает гастрит", "causes"),
        ("Кто в группе риска", "risk_factors"),
        ("Как проявляется пяточная шпора", "signs"),
        ("Как лечат варикоз", "treatment"),
        ("Как не заболеть ангиной", "prevention"),
        ("Когда нужна срочная помощь", "when_to_see_doctor"),
        # Dutch
        ("Wat is een muisarm?", "definition"),
        ("Oorzaken", "causes"),
        ("Risicofactoren", "risk_factors"),
        ("Hoe herken je het?", "signs"),
        ("Wat kun je zelf doen?", "treatment"),
        ("Voorkomen", "prevention"),
        ("Wanneer naar de huisarts?", "when_to_see_doctor"),
    ],
)
def test_headings(heading: str, kind: str | None) -> None:
    assert classify_heading(heading) == kind


@pytest.mark.parametrize(
    ("lead_in", "kind"),
    [
        ("Risk factors include:", "risk_factors"),
        ("This is more likely in people who:", "risk_factors"),
        ("You may be at higher risk if you:", "risk_factors"),
        ("Signs dehydration may be contributing include:", "signs"),
        ("Symptoms that point to this cause include:", "signs"),
        ("You might notice:", "signs"),
        ("Low levels of minerals such as:", "examples"),
        ("Common culprits include medicines such as:", "examples"),
        ("See a doctor if:", "when_to_see_doctor"),
        ("Treatment depends on how severe your symptoms are. Common options include:", "treatment"),
        ("To lower your risk:", "prevention"),
        ("Tests may include:", "diagnosis"),
        ("The 8 most common signs are:", "signs"),
        ("More common symptoms include:", "signs"),
        ("It is most common in people who:", "risk_factors"),
        ("Simple steps make symptoms less likely:", "prevention"),
        ("You are more prone to it if you:", "risk_factors"),
        ("Floaters can look like:", "signs"),
        ("Imaging may help:", "diagnosis"),
        ("Some people are more vulnerable to heat exhaustion, including:", "risk_factors"),
        ("It cannot be prevented, but you can prevent the symptoms:", "prevention"),
        ("You can ease the symptoms by:", "treatment"),
        ("Symptoms that get worse include:", "signs"),
        ("Try foods like:", "examples"),
        ("A dentist will look for these common causes:", "causes"),
        ("It is usually caused by:", "causes"),
        ("Most cases are caused by one of these:", "causes"),
        ("Swollen glands caused by an infection usually:", None),
        ("Ease off for a few days if you notice:", "signs"),
        ("These steps can help keep the pain away:", "prevention"),
        ("A few habits keep odour from building up:", "prevention"),
        ("Hamstrings are less likely to tear again if you:", "prevention"),
        ("These habits protect loose joints:", "prevention"),
        ("Conviene farsi visitare dal medico se:", "when_to_see_doctor"),
        ("Rivolgiti al medico se:", "when_to_see_doctor"),
        ("I sintomi più comuni sono:", "signs"),
        ("Alcune abitudini rendono i sintomi più leggeri:", "prevention"),
        ("Per alleviare i sintomi:", "treatment"),
        ("Met een paar vaste gewoonten verklein je de kans op klachten:", "prevention"),
        ("Je herkent een schimmelinfectie aan:", "signs"),
        ("Maak een afspraak bij de huisarts als:", "when_to_see_doctor"),
        ("Hyperventilatie komt vaker voor bij mensen die:", "risk_factors"),
        ("If you know you are prone to keloids, a few precautions help:", "prevention"),
        ("Grogginess tends to be worse in people who:", "risk_factors"),
        ("You cannot always stop thread veins forming, but these steps may help:", "prevention"),
        ("These habits can make them less frequent:", "prevention"),
        ("Good habits make an infection much less likely:", "prevention"),
        ("These habits help keep burping down:", "prevention"),
        ("Simple habits help stop new blackheads forming:", "prevention"),
        ("Ridges are more common or more visible in people who:", "risk_factors"),
        ("A few habits help stop the problem coming back:", "prevention"),
        ("Small changes can stop heartburn from starting in the first place:", "prevention"),
        ("A few changes to the bedroom can cut down how often you wake up wet:", "prevention"),
    ],
)
def test_lead_ins(lead_in: str, kind: str | None) -> None:
    assert classify_lead_in(lead_in) == kind


def test_a_such_as_list_under_a_list_kind_heading_is_its_items() -> None:
    """ "Problems can remain, such as:" under Complications lists complications (not one
    joined examples item); under Causes, "minerals such as:" names examples of one cause."""
    from extractors.segment import RawList
    from extractors.structure import _list_kind

    remain = RawList(lead_in="Some problems can remain, such as:", items=["Weakness"])
    assert _list_kind(remain, "complications") == "complications"
    assert _list_kind(remain, "causes") == "examples"
    assert classify_lead_in("Less often, cellulitis leads to:") == "complications"


def test_a_condition_lead_in_keeps_a_when_to_see_a_doctor_list() -> None:
    """ "Ask for a blood test if:" names a test, but under "When to See a Doctor" its list says
    when to go; elsewhere the lead-in's own kind stands."""
    from extractors.segment import RawList
    from extractors.structure import _list_kind

    asking = RawList(lead_in="Ask for a blood test if:", items=["You feel tired"])
    assert _list_kind(asking, "when_to_see_doctor") == "when_to_see_doctor"
    assert _list_kind(asking, "signs") == "diagnosis"
    tests = RawList(lead_in="Tests may include:", items=["A blood count"])
    assert _list_kind(tests, "when_to_see_doctor") == "diagnosis"


def test_a_prevention_sections_habits_that_help_the_medicines_stay_prevention() -> None:
    """...and the signs a "When to see a doctor" section lists say when to go."""
    from extractors.segment import RawList
    from extractors.structure import _list_kind

    habits = RawList(lead_in="Lifestyle changes help medicines work:", items=["Drink water"])
    assert _list_kind(habits, "prevention") == "prevention"
    assert _list_kind(habits, "signs") == "treatment"
    signs = RawList(lead_in="Book a visit if you notice any of these signs:", items=["Fever"])
    assert _list_kind(signs, "when_to_see_doctor") == "when_to_see_doctor"
    assert _list_kind(signs, "treatment") == "signs"


def test_medicines_under_causes_are_a_cause_in_other_languages_too() -> None:
    from extractors.rules.sections import CAUSE_MEDICINES_HEADING

    for heading in ("enfermedades y medicamentos", "some medicines", "certain medications"):
        assert re.fullmatch(CAUSE_MEDICINES_HEADING, heading), heading


def test_a_sub_article_titled_by_a_kind_gives_it_to_its_sections() -> None:
    """A guide's sub-article ("What causes gout?", "Treating eczema") is about one kind: its
    top-level sections whose headings name none are of that kind, its first is no definition
    by position, and sections that name their kind keep it. A title that names several kinds,
    or none, changes nothing."""
    from extractors.segment import RawSection
    from extractors.structure import classify_outline

    def kinds(title: str) -> list[str]:
        sections = [
            RawSection("How uric acid builds up", 2, 1, content=["It builds."]),
            RawSection("Diet and drink", 2, 1, content=["Beer adds to it."]),
            RawSection("When to see a GP", 2, 1, content=["See a GP if."]),
        ]
        return [item.kind for item in classify_outline(sections, title)]

    assert kinds("What causes gout?") == ["causes", "causes", "when_to_see_doctor"]
    assert kinds("Treating gout") == ["treatment", "treatment", "when_to_see_doctor"]
    assert kinds("Gout")[0] == "definition"
    assert kinds("Gout: causes, symptoms and treatment")[0] == "definition"
    # a reader's question heads a whole answer, of every kind
    assert kinds("Why do I get a headache after a workout?")[0] == "definition"
    assert kinds("What causes the painful swelling of a big toe at night?")[0] == "definition"
    assert kinds("The Hiccup Cures Worth Trying (and the Ones to Skip)")[0] == "definition"


@pytest.mark.parametrize(
    ("text", "name", "number"),
    [
        ("1. Muscle Fatigue", "Muscle Fatigue", 1),
        ("①長時間同じ姿勢でいること", "長時間同じ姿勢でいること", 1),
        ("⑫ Stress", "Stress", 12),
        ("一、局部损伤", "局部损伤", 1),
        ("十二、精神压力", "精神压力", 12),
        ("二十、睡眠不足", "睡眠不足", 20),
        ("2) Dehydration", "Dehydration", 2),
        ("#3 Obesity", "Obesity", 3),
        ("Step 4: Rest", "Rest", 4),
        ("Cause #5: Stress", "Stress", 5),
        ("5 Ways to Prevent Cramps", "5 Ways to Prevent Cramps", None),
        ("1.5 million people", "1.5 million people", None),
    ],
)
def test_number_prefixes(text: str, name: str, number: int | None) -> None:
    assert strip_number(text) == (name, number)


@pytest.mark.parametrize(
    ("heading", "hints"),
    [
        ("Why It Matters", ("complications",)),
        ("Why Treatment Matters", ("complications",)),
        ("Why Do Cramps Happen?", ("causes",)),
    ],
)
def test_why_headings_hint_causes_unless_they_say_why_it_matters(
    heading: str, hints: tuple[str, ...]
) -> None:
    from extractors.classify import heading_hints

    assert heading_hints(heading) == hints


def test_most_common_without_saying_who_names_no_kind() -> None:
    """ "The most common are:" under "Symptoms" lists symptoms: the lead-in names no kind, so
    the list takes its section's."""
    assert classify_lead_in("The most common are:") is None


def test_a_causes_sub_sections_risk_factors_and_signs_stay_with_it() -> None:
    """h2 causes > h3 a cause > h4 "Risk factors" / "Signs": the h4 lists are the cause's own
    (Cause.risk_factors, Cause.signs), not the article's; a cause naming medicines stays a
    cause; a "Risk factors" section outside the causes is the article's."""
    from extractors import clean_html, extract_article

    para = "<p>{} usually comes on slowly and is rarely serious in healthy adults.</p>"
    html = (
        "<html><body><article><h1>Warts</h1>"
        + para.format("A wart")
        + "<h2>What causes warts?</h2>"
        + "<h3>Direct skin contact</h3>"
        + para.format("Spread")
        + "<h4>Risk factors</h4><p>The chance rises if you:</p>"
        + "<ul><li>Bite your nails</li><li>Have cuts on your hands</li></ul>"
        + "<h4>Signs</h4><p>A wart from contact usually shows as:</p>"
        + "<ul><li>A firm raised bump</li></ul>"
        + "<h3>Some medicines</h3>"
        + para.format("Immune suppression")
        + "<h3>Steroid medicines</h3>"
        + para.format("Long use of creams")
        + "<h2>Risk factors</h2><ul><li>Children and teenagers</li></ul>"
        + "<h2>Symptoms</h2><ul><li>A rough lump</li></ul>"
        + "</article></body></html>"
    )
    record = extract_article([clean_html(html, "https://ex.test/warts/")])
    assert [c.name for c in record.causes] == [
        "Direct skin contact",
        "Some medicines",
        "Steroid medicines",
    ]
    contact = record.causes[0]
    assert contact.risk_factors == ["Bite your nails", "Have cuts on your hands"]
    assert contact.signs == ["A firm raised bump"]
    assert (
        contact.description
        == "Spread usually comes on slowly and is rarely serious in healthy adults."
    )
    assert record.risk_factors == ["Children and teenagers"]
    assert record.signs == ["A rough lump"]


def test_a_figure_caption_is_in_the_text_but_not_the_definition_or_summary() -> None:
    from extractors import clean_html, extract_article

    caption = "<figure><img src='a.jpg'><figcaption>Greasy yellow scales over a baby's crown, as seen in a clinic photo.</figcaption></figure>"
    para = "<p>Cradle cap is a harmless, greasy scaling of a baby's scalp that clears up by itself.</p>"
    html = (
        f"<html><body><article><h1>Cradle cap</h1>{caption}{para}"
        f"<h2>What is cradle cap?</h2>{caption}{para}{para}"
        "<h2>Symptoms</h2><ul><li>Yellow scales</li><li>Flaky skin</li></ul>"
        "</article></body></html>"
    )
    record = extract_article([clean_html(html, "https://ex.test/cradle-cap/")])
    assert record.definition.startswith("Cradle cap is a harmless")
    assert "clinic photo" not in record.definition
    assert "clinic photo" not in record.summary
    assert "clinic photo" in record.text


def test_run_in_bold_names_in_a_causes_section_are_its_causes() -> None:
    """A causes section that names its causes as run-in bold openings ("<strong>Coughing.
    </strong> A long bout...") and has no sub-headings or list gets them as causes; a single
    bold opening, or one without a stop after it, names nothing."""
    from extractors import clean_html, extract_article

    def record(causes: str) -> list[tuple[str, str]]:
        html = (
            "<html><body><article><h1>Chest wall pain</h1>"
            "<p>Chest wall pain is soreness of the joints between the ribs and breastbone. It"
            " is common, harmless and usually settles by itself within a few weeks.</p>"
            f"<h2>What causes it?</h2>{causes}"
            "<h2>Symptoms</h2><ul><li>Sharp pain</li><li>Tenderness</li></ul>"
            "</article></body></html>"
        )
        found = extract_article([clean_html(html, "https://ex.test/chest/")]).causes
        return [(c.name, c.description[:20]) for c in found]

    assert record(
        "<p><strong>Coughing.</strong> A long bout of coughing strains the joints.</p>"
        "<p><b>Injury:</b> a blow to the chest or a fall can bruise the cartilage.</p>"
    ) == [("Coughing", "A long bout of cough"), ("Injury", "a blow to the chest ")]
    assert record("<p><strong>Coughing.</strong> A long bout of coughing strains it.</p>") == []
    assert (
        record(
            "<p><strong>Often</strong> nobody knows why it starts, and it clears up alone.</p>"
            "<p><strong>Sometimes</strong> a strain or a cough sets it off, doctors think.</p>"
        )
        == []
    )


def test_a_condition_named_with_a_kind_word_keeps_its_what_is_heading() -> None:
    """ "Trigger finger": its name says "trigger", which names causes; "What is trigger
    finger?" still asks what it is, and "What causes trigger finger?" for its causes. A title
    head that is a topic ("Symptoms of diabetes") is left as it is."""
    from extractors.structure import _name_mask

    mask = _name_mask("Trigger Finger: Why a Finger Locks")
    assert mask("What is trigger finger?") == "What is it?"
    assert classify_heading(mask("What is trigger finger?")) == "definition"
    assert classify_heading(mask("What causes trigger finger?")) == "causes"
    topic = _name_mask("Symptoms of Diabetes: What to Look For")
    assert topic("Symptoms of diabetes in children") == "Symptoms of diabetes in children"
    assert _name_mask("Heat rash")("What is heat rash?") == "What is heat rash?"
    scars = _name_mask("Keloid Scars: When a Scar Keeps Growing")  # one or many
    assert classify_heading(scars("What is a keloid scar?")) == "definition"


@pytest.mark.parametrize(
    ("heading", "hint"),
    [
        ("Who bruises more easily", "risk_factors"),
        ("How to rehydrate", "treatment"),
        ("Staying hydrated", "prevention"),
        ("Settling the pain", "treatment"),
        ("Soothing an itch", "treatment"),
        ("Helping your child stay dry", "treatment"),
        ("How bed bugs get into a home", "causes"),
        ("Staying fresh day to day", "prevention"),
        ("How to cut back without the headache", "prevention"),
        ("How to keep your levels up", "prevention"),
        ("Settling them down", "treatment"),
        ("How tick bites happen", "causes"),
        ("What dries the nose out", "causes"),
        ("Soothing a dry nose", "treatment"),
        ("What makes gums bleed", "causes"),
        ("Getting your gums healthy again", "treatment"),
        ("Getting your gums back to health", "treatment"),
        ("Stopping it happening again", "prevention"),
        ("Keeping your hands supple", "prevention"),
        ("Everyday gum care", "prevention"),
        ("What may be behind it", "causes"),
        ("Which pollen is to blame", "causes"),
        ("Ways to stop a bout", "treatment"),
        ("What makes a toenail grow in", "causes"),
        ("Before you travel", "prevention"),
        ("Pacing and other ways to recover", "treatment"),
        ("Keeping your hamstrings healthy", "prevention"),
        ("Easing into new exercise", "prevention"),
        ("Practising safely", "prevention"),
        ("How people come into contact with the oil", "causes"),
        ("Cutting down on sleep starts", "prevention"),
        ("Helping the shape improve", "treatment"),
        ("What makes you burp more?", "causes"),
        ("Looking after oily skin", "treatment"),
        ("Stopping the shine building up", "prevention"),
        ("Keeping pores clear", "prevention"),
        ("Keeping lenses comfortable", "prevention"),
        ("Keeping your heels smooth", "prevention"),
        ("Making your home safer", "prevention"),
        ("Staying strong and steady", "prevention"),
        ("Everyday changes that help", "prevention"),
        ("Staying topped up", "prevention"),
        ("What makes feet sweat more", "causes"),
        ("What raises uric acid?", "causes"),
        ("What raises the odds", "risk_factors"),
        ("How TB is caught", "causes"),
        ("Before you colour", "prevention"),
        ("Helping your baby", "treatment"),
        ("Reducing allergens at home", "prevention"),
        ("How ankles get sprained", "causes"),
        ("Getting over it faster", "treatment"),
        ("Is it ever more than jet lag?", "when_to_see_doctor"),
    ],
)
def test_heading_hints_of_unseen_sites(heading: str, hint: str) -> None:
    from extractors.classify import heading_hints

    assert heading_hints(heading)[:1] == (hint,)


def test_causes_grouped_under_sub_headings_are_the_causes() -> None:
    """h2 causes > h3 "Medical causes" / "Lifestyle causes" > h4 per cause: the h4s are the
    causes; an h3 cause with a paragraph of its own and no h4 stays one."""
    from extractors import clean_html, extract_article

    para = "<p>{} is one of the reasons hair thins, and it is often treatable.</p>"
    html = (
        "<html><body><article><h1>Hair loss</h1>"
        + para.format("Age")
        + "<h2>Causes</h2><h3>Medical causes</h3><p>Some conditions affect the scalp.</p>"
        + "".join(
            f"<h4>{name}</h4>" + para.format(name)
            for name in ("Thyroid problems", "Iron deficiency")
        )
        + "<h3>Lifestyle causes</h3>"
        + "<h4>Tight hairstyles</h4>"
        + para.format("Pulling")
        + "<h3>Stress</h3>"
        + para.format("Stress")
        + para.format("Shock")
        + "<h2>Symptoms</h2><ul><li>A widening parting</li></ul>"
        + "</article></body></html>"
    )
    record = extract_article([clean_html(html, "https://ex.test/hair-loss/")])
    assert [c.name for c in record.causes] == [
        "Thyroid problems",
        "Iron deficiency",
        "Tight hairstyles",
        "Stress",
    ]


def test_typed_bullet_lines_are_a_list_with_their_lead_in() -> None:
    """Paragraphs that each hold one line starting with a bullet glyph ("• Are over 40") are a
    list, with the paragraph before them ending in ":" as its lead-in; one such line alone is
    a paragraph."""
    from extractors.blocks import Block
    from extractors.segment import RawList, segment

    blocks = [
        Block("heading", "Who gets it?", level=2),
        Block("paragraph", "You are more likely to develop it if you:"),
        Block("paragraph", "• Are over 40"),
        Block("paragraph", "• Work with your arms raised"),
        Block("paragraph", "Rest helps most people."),
        Block("paragraph", "• One line alone"),
    ]
    section = segment(blocks)[1]
    assert section.content == [
        RawList(
            "You are more likely to develop it if you:",
            ["Are over 40", "Work with your arms raised"],
        ),
        "Rest helps most people.",
        "• One line alone",
    ]
