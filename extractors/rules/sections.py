"""Section rules: heading phrasings per section kind, lead-in phrasings per list kind, and the
shapes of pseudo-headings, in English, Spanish, French, German, Portuguese, Italian and
Dutch.

Patterns are regular-expression sources searched (not anchored unless they say so) in text that is
lowercased, white-space folded and stripped of a leading number ("1. ", "Step 2:", "#3").
Order matters: the first group is tried first, and for headings the earliest match in the heading
wins among the groups (so "Causes and Risk Factors" is causes), except `PRIORITY_KINDS`.
"""

from __future__ import annotations

# Kinds whose heading match wins wherever it stands in the heading.
# Why: "Symptoms that need a doctor" is about when to see a doctor, not about symptoms.
PRIORITY_KINDS: tuple[str, ...] = ("when_to_see_doctor",)

# Kinds a heading gets only when no other kind matches.
# Why: "What are the symptoms of X?" starts like a definition but is about symptoms.
FALLBACK_KINDS: tuple[str, ...] = ("definition", "other")

_DOCTOR = (
    r"(doctor|gp|physician|provider|clinician|healthcare|health care|professional|nurse|"
    r"health visitor|midwife|er|a\&e|physio|physiotherapist|dentist|optician)"
)

# Heading phrasings per section kind.
SECTION_HEADINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "when_to_see_doctor",
        (
            rf"\b(see|seeing|call|calling|contact|contacting|visit|visiting|consult|consulting|"
            rf"talk to|talking to|speak to|speaking to|go back to|going back to|phone|phoning|"
            rf"check with)( a| your| the)? {_DOCTOR}",
            rf"\bneeds? (a |an |to see a |to see an )?{_DOCTOR}\b",
            rf"\bask (for )?(an? )?(urgent )?{_DOCTOR} appointment\b",
            # care cards: "Call 999 or go to A&E if:", "get help from 111 if:"
            r"\b(call|dial|ring) (999|911|112|111|000)\b",
            r"\bgo to (a\&e|the emergency (department|room)|an emergency (department|room))\b",
            r"\bget help from (111|nhs 111)\b",
            r"\bwhen (to|should (you|i)) (see|call|contact|visit|get|seek|consult|talk)",
            r"\b(seek|get|getting|when to get|finding) (medical |emergency |urgent |immediate )?"
            r"(help|care|attention|treatment)\b",
            r"\b(medical|emergency|urgent) (help|care|attention)\b",
            r"\bemergency (signs|symptoms)\b",
            r"\bred[- ]flags?\b",
            r"\b(señales|signos|sinais|signes|signaux) d[e']\s?(alarma|alarme|alerta|alerte)\b",
            r"\b(warnzeichen|alarmzeichen|warnsignale)\b",
            r"\bquand (faut-il |doit-on )?consulter\b",
            r"\bwhen (it'?s|is it) time to (see|call)\b",
            r"\bwhen (is it|it'?s) (an )?emergency\b",
            r"\bcu[áa]ndo (ver|consultar|acudir|llamar|ir)\b",
            r"\bllevarl[oae]s? al? (m[ée]dico|pediatra|doctor|urgencias)\b",
            r"\b(acudir|ir) al m[ée]dico\b",
            r"\bbuscar (atenci[óo]n|ayuda) m[ée]dica\b",
            r"\bquand (consulter|appeler|voir)\b",
            r"\bconsulter un (m[ée]decin|docteur)\b",
            r"\bwann (zum|zur|sollte|sollten|muss)\b.*\b(arzt|[äa]rztin|notaufnahme|notarzt)\b",
            r"\bzum arzt\b",
            r"\bquando (procurar|consultar|ir|chamar)\b",
            r"\bprocurar (um )?m[ée]dico\b",
            r"^when .*(not enough|does ?n.t (help|work)|gets? worse|is ?n.t (working|helping)|won.t go away)",
            r"\bcu[áa]ndo (buscar|pedir) (ayuda|atenci[óo]n)\b",
            r"\bbuscar ayuda (urgente|m[ée]dica)\b",
            r"\bwhen is it an emergency\b",
            r"\bget (advice|help) from (a|an|your)\b",
            r"\b(pronto-socorro|sinais de gravidade)\b",
            r"\bquando (rivolgersi|andare|consultare|chiamare|contattare|preoccuparsi)\b",
            r"\b(rivolgersi|andare) (al|dal) medico\b|\bpronto soccorso\b",
            r"\b(naar|bij) de (huisarts|dokter|arts|spoedeisende hulp)\b",
            r"\bwanneer (bel|ga|moet) je\b",
        ),
    ),
    (
        "risk_factors",
        (
            r"\brisk factors?\b",
            r"\b(who|which people) (is|are) (most )?(at|in) (risk|danger)\b",
            r"\bwho (gets|get|develops|is affected|is likely|is most likely|can get)\b",
            r"\b(are|am|is) (you|i|your child) (more )?(likely|at risk|prone)\b",
            r"\b(more|most) likely to (get|develop|have)\b",
            r"\b(at|higher|greater|increased) risk\b",
            r"\bwho should worry\b",
            r"\bwho should (keep (a closer |an )?eye|watch|be (extra |more )?careful)\b",
            r"\bwho needs? (extra|special|more) (care|attention)\b",
            r"\bwho (notices|gets|feels|has) (it|them|this|\w+) (most|more|worst)\b",
            r"\bfactores de riesgo\b",
            r"\bqui[ée]n(es)? (tiene|tienen|corre|corren|est[áa]|puede)\b",
            r"\bfacteurs de risque\b",
            r"\bqui est (le plus )?(à|a) risque\b",
            r"\bpersonnes (à|a) risque\b",
            r"\brisikofaktoren\b",
            r"\bwer ist (besonders )?(gef[äa]hrdet|betroffen)\b",
            r"\bfatores de risco\b",
            r"\bquem (tem|corre|est[áa]|pode)\b",
            r"\bqui est (le plus )?(touch[ée]|concern[ée]|expos[ée])",
            r"\b(les )?plus (touch[ée]s|expos[ée]s|concern[ée]s)\b",
            r"\bwer (bekommt|ist betroffen|erkrankt)\b",
            r"\bwho'?s at risk\b",
            r"\b(highest|greatest) risk\b",
            r"\b(more|most|less) likely\b",
            r"\bfactores que aumentan\b",
            r"\b(aumenta|aumentan) (el riesgo|la probabilidad)\b",
            r"\bqui doit [êe]tre (particuli[èe]rement )?vigilant",
            r"\bqui est concern[ée]",
            r"\bwen (es )?(h[äa]ufiger |besonders )?trifft\b",
            r"\b(o que )?aumenta o risco\b",
            r"\b(m[áa]s propensos?|propensas?)\b",
            r"\bbeg[üu]nstigende faktoren\b",
            r"\bmaior risco\b",
            r"\b(les )?personnes (les plus )?expos[ée]es\b",
            r"\bwho gets? it\b",
            r"\bonly .* who get\b",
            r"\bfattori di rischio\b",
            r"\bchi (rischia|[èe] (pi[ùu] )?a rischio|colpisce)\b",
            r"\brisicofactoren\b",
            r"\bwie (loopt|heeft) (meer |extra )?(risico|kans)\b",
        ),
    ),
    (
        "causes",
        (
            r"\bcaus(e|es|ed|ing)\b",
            # not "Why do I need a plaster cast?", which asks what a treatment is for
            r"\bwhy (do|does|did|is|are|am|can|might)\b(?!.*\bneeds?\b)",
            r"\bwhat (triggers|leads to|brings on|sets off)\b",
            r"\btriggers?\b",
            r"\b(reasons?|culprits?|origins?) (for|behind|of|why)\b",
            r"\bwhere (does|do) .* come from\b",
            r"\bwhere (it|they) comes? from\b",
            r"\bhow (it|they|does .*|do .*) spreads?\b",
            r"\b(spread|spreading|transmission|contagious)\b",
            r"\bwhat'?s (going on|behind|happening)\b",
            r"\bbehind the\b",
            r"\b(d'o[uù] vient|de d[óo]nde viene|woher kommt|de onde vem)\b",
            r"\bhow (do|does|do you|can you) (get|catch|spread)\b",
            r"\b(root|underlying|common) (causes?|reasons?|culprits?)\b",
            r"\bcausas?\b",
            r"\bpor qu[ée]\b",
            r"\bqu[ée] (causa|provoca|origina)\b",
            r"\bqu'est-ce qui (cause|provoque)\b",
            r"\bpourquoi\b",
            r"\bursachen?\b",
            r"\bwarum\b",
            r"\bwie entsteht\b",
            r"\bo que (causa|provoca)\b",
            r"\bpor que\b",
            r"\bausl[öo]ser\b",
            r"\bd'o[uù] viennent\b",
            r"\b(pass(es|ed)? (on|from|to)|passed on)\b",
            r"\b(get|gets) in\b",
            r"\b(inherited|genetic|genes)\b",
            r"\b([üu]bertr[äa]gt|[üu]bertragen|contagieuse?|contagiosa)\b",
            r"\bperch[ée]\b",
            r"\b(da cosa dipende|cosa (la |lo |li |le )?provoca)\b",
            r"\b(oorzaken|oorzaak)\b",
            r"\b(waardoor|hoe) (ontstaat|krijg je)\b",
        ),
    ),
    (
        "signs",
        (
            r"\bsymptoms?\b",
            r"\bsigns?\b",
            r"\bhow (do|can|will|would) (you|i) (know|tell)\b",
            r"\bwhat does .* (feel|look) like\b",
            r"\b(warning|early|tell-?tale|common) (signs?|symptoms?|clues?)\b",
            r"\bclues?\b",
            r"\bs[íi]ntomas?\b",
            r"\bc[óo]mo se (presenta|manifiesta|nota)\b",
            r"\bsignos?\b",
            r"\bseñales?\b",
            r"\bsympt[ôo]mes?\b",
            r"\bsignes?\b",
            r"\bsymptome?\b",
            r"\banzeichen\b",
            r"\bbeschwerden\b",
            r"\bsintomas?\b",
            r"\bsinais?\b",
            r"\b[àa] quoi ressemble\b",
            r"\bcomment (le |la |les )?reconna[îi]tre\b",
            r"\bcheck (whether|if)\b",
            r"\bhow to tell\b",
            r"\bwhat you (might|may|will|can|could) (notice|feel|see)\b",
            r"^what to (look (out )?for|watch (out )?for|notice)\b",
            r"\b(changes|things) to (look|watch) (out )?for\b",
            r"\bhow (it|they|an? \w+( \w+)?) (looks?|feels?)( and (looks?|feels?))?\b",
            r"\b(se manifiesta|se manifesta|woran .* erkennen)\b",
            r"\b(sintomi|segni|come si manifesta|come riconoscerl[aoie])\b",
            r"\b(symptomen|klachten|verschijnselen)\b",
            r"\bhoe herken je\b",
        ),
    ),
    (
        "diagnosis",
        (
            r"\bdiagnos(is|ed|e|ing|tic|tics)\b",
            r"(?<!\bwe )(?<!\bi )\btest(s|ed|ing)?\b",  # not "How we tested" (a product test)
            r"\bexam(s|ination|inations)?\b",
            r"\bscreening\b",
            r"\bwhat (to expect|happens) at (the|your) (doctor|appointment|visit)\b",
            r"\bdiagn[óo]stico\b",
            r"\bpruebas\b",
            r"\bdiagnostic\b",
            r"\bexamens?\b",
            r"\bdiagnose\b",
            r"\buntersuchung(en)?\b",
            r"\bexames?\b",
            r"\bdiagnostiqu",
            r"\bdiagnosticad",
            r"\b(festgestellt|feststellen|erkennen|erkannt)\b",
            r"\bget(ting)? (checked|tested|diagnosed)\b",
            r"\b(is|are|it'?s) (checked|tested|examined)\b",
            r"\bcheck(ing)? for\b",
            r"\bscreen(ing|ed)?\b",
            r"\bswabs?\b",
            r"\b(assess(es|ment|ing)?|evaluat(e|es|ion))\b",
            r"\b(en la consulta|beim arzt|[àa] la consultation|na consulta)\b",
            r"\b(grades?|grados|stadien)\b",
            r"\b(diagnosi|esami)\b",
            r"\b(diagnose stellen|onderzoek)\b",
        ),
    ),
    (
        "treatment",
        (
            r"\btreat(ment|ments|ed|ing)?\b",
            r"\bmanag(e|es|ing|ement)\b",
            r"\bliving with\b",
            r"\bcoping\b",
            r"\bcop(e|ing) with\b",
            r"\b(home )?remed(y|ies)\b",
            r"\bself-?care\b",
            r"\bhome care\b",
            r"\bmedic(ine|ines|ation|ations)\b",
            r"\btherap(y|ies)\b",
            r"\brelief\b",
            r"\brelieve\b",
            r"\bwhat helps\b",
            r"\bhow to (stop|ease|get rid of|soothe|cure|cool|calm)\b",
            r"^putting (it|things|this) right\b",
            r"\bcures?\b",
            # what is done about the symptoms ("Easing the symptoms"), before the symptoms
            r"\b(eas(e|ing)|reliev(e|ing)|sooth(e|ing)|calm(ing)?) (the |your |its )?"
            r"(symptoms|pain|itch(ing)?|discomfort)\b",
            r"^stop(ping)? (a|an) [\w-]+$",  # "Stopping a nosebleed": one that has started
            r"\brecovery\b",
            r"\btratamientos?\b",
            r"\bc[óo]mo se trata\b",
            r"\btraitements?\b",
            r"\bcomment (traiter|soigner|soulager)\b",
            r"\bbehandlung(en)?\b",
            r"\btherapie\b",
            r"\btratamentos?\b",
            r"\bcomo (tratar|se trata)\b",
            r"\bfirst aid\b",
            r"\b(was hilft|hilft|helfen)\b",
            r"\bmedikament(e|en)?\b",
            r"\bbehandeln\b",
            r"\b(que faire|soigner|traiter|soulager)\b",
            r"\b(qu[ée] hacer|aliviar|tratar)\b",
            r"\b(o que fazer|aliviar|tratar)\b",
            r"\bwhat to do\b",
            r"\bbehandlungsm[öo]glichkeiten\b",
            r"\bcuidados no dia a dia\b",
            r"\b(f[áa]rmacos|medicamentos|m[ée]dicaments|tabletten|comprim[ée]s|rem[ée]dios)\b",
            r"\b(aliviar(la|lo)?|cuidar)\b",
            r"\b(first|primeras) (24|48|72) (hours|horas)\b",
            r"\b(volver a moverse|getting moving|back to (sport|normal|activity))\b",
            r"\b(cura|cure|trattamento|trattamenti|terapia|terapie|rimedi|rimedio)\b",
            r"\bcome (si cura|curarl[aoie]|trattarl[aoie])\b",
            r"\b(behandeling|behandelen|therapie|medicijnen)\b",
            r"\bwat (kun|kan) je (er )?zelf (aan )?doen\b",
        ),
    ),
    (
        "prevention",
        (
            r"\bprevent(ion|ing|ed|able)?\b",
            r"\bavoid(ing)?\b",
            r"\bprotect(ing|ion)?( yourself| your| against)?\b",
            r"\b(lower|reduce|reducing|lowering|cut|cutting) (your |the )?(risk|chances?)\b",
            r"\b(lower|reduce|reducing|lowering|cut|cutting|limit|limiting) (your |the )?"
            r"(exposure|contact)\b",
            r"\bstay(ing)? safe\b",
            r"\bkeep(ing)? .* (away|at bay)\b",
            r"\bprevenci[óo]n\b",
            r"\bprevenir\b",
            r"\bevitar\b",
            r"\bpr[ée]vention\b",
            r"\bpr[ée]venir\b",
            r"\b[ée]viter\b",
            r"\bvorbeug(en|ung)\b",
            r"\bpr[äa]vention\b",
            r"\bvermeiden\b",
            r"\bpreven[çc][ãa]o\b",
            r"\bvorbeugend",
            r"\bsch[üu]tzen\b",
            r"\b(se )?prot[ée]ger\b",
            r"\bprotegerse\b",
            r"\bproteger-se\b",
            r"\bbefore the next\b",
            r"\b(stop|keep) (it|them) (from )?coming back\b",
            r"\b(relapse|recurrence|flare-?ups?) prevention\b",
            r"\breduc(e|ing) (the )?(number of )?(flare-?ups|attacks|episodes|relapses)\b",
            r"\b(limiter|[ée]viter) les r[ée]cidives\b",
            r"\btipps gegen\b",
            r"\bstop .* (building up|from forming|from coming)\b",
            r"\b(stop(ping)?|keep(ing)?|prevent(ing)?|avoid(ing)?)\b.{0,25}\b(spread(ing)?|returning|coming back|recurr(ing|ence)|flaring|flare-ups?)\b",
            r"\bvaccines?\b",
            r"\b(vacunas?|vaccins?|impfung|impfen|vacinas?)\b",
            r"\b(para que no vuelva|que no se repita)\b",
            r"\b(beugen|vorbeugen)\b",
            r"\br[üu]ckfall\b",
            r"\b(prevenzione|prevenirl[aoie]|prevenire|evitarl[aoie])\b",
            r"\b(voorkomen|preventie)\b",
        ),
    ),
    (
        "complications",
        (
            r"\bcomplications?\b",
            r"\bis .* (serious|dangerous)\b",
            r"\b(can|could) .* (be serious|be dangerous|lead to)\b",
            r"\b(long-term|long term) (effects|problems|risks)\b",
            r"\bdangers?\b",
            r"\bcomplicaciones\b",
            r"\bkomplikationen\b",
            r"\bfolgen\b",
            r"\bcomplica[çc][õo]es\b",
            r"\b(not|left|goes) (treated|untreated)\b",
            r"\buntreated\b",
            r"\bscar(s|ring)?\b",
            r"\bsans traitement\b",
            r"\bsin tratamiento\b",
            r"\bsem tratamento\b",
            r"\bunbehandelt\b",
            r"\b(lasting|long[- ]term|permanent) (problems|effects|damage|complications)\b",
            # "Pain that lasts after the rash": what stays once the illness is over
            r"\b(pain|problems?|symptoms?) that (lasts?|lingers?|persists?|carr(y|ies) on) after\b",
            r"^can (it|this|they) (cause|lead to)\b",
            r"^when .* (becomes?|gets?|turns?) (more )?(serious|severe|dangerous)\b",
            r"\bposibles problemas\b",
            r"\bproblemas a largo plazo\b",
            r"\b(after-?effects|consequences)\b",
            r"\beffects on\b",
            r"\bproblems .{0,30}(lead to|cause)\b",
            r"\b(consecuencias|cons[ée]quences|konsequenzen|consequ[êe]ncias)\b",
            r"\b(n'est pas b[ée]nigne|formes? graves?)\b",
            r"\bcomplicanze\b",
            r"\bcomplicaties\b",
        ),
    ),
    (
        "outlook",
        (
            r"\boutlook\b",
            r"\bprognosis\b",
            r"\blife expectancy\b",
            r"\bwhat to expect\b",
            r"\bwill .* go (away|down)\b",
            r"\bhow long (does|do|will)\b",
            r"\bprogn[óo]stico\b",
            r"\bpronostic\b",
            r"\bprognose\b",
            r"\baussichten\b",
            r"\bperspectivas?\b",
            r"\b[ée]volution\b",
            r"\brecovery( time)?\b",
            r"\blife after\b",
            r"\bcombien de temps\b",
            r"\bquanto tempo\b",
            r"\b(will (it|they) (come back|return|go away))\b",
            r"\b(chances? of (it )?(returning|coming back|recovery))\b",
            r"\b(go away for good|clear up)\b",
            r"\bcu[áa]nto tarda\b",
            r"\bheilungschancen\b",
            r"\bprognosi\b",
        ),
    ),
    (
        "definition",
        (
            r"^(what|what's) (is|are)( an?)?\b",
            r"^what does .* mean\b",
            r"^what (counts as|is meant by|exactly is|are the basics)\b",
            r"\bwhat (it|this) means\b",
            r"\boverview\b",
            r"\bdefinition\b",
            r"\bdefined\b",
            r"^about\b",
            r"^understanding\b",
            r"\bthe basics\b",
            r"\bexplained\b",
            r"^qu[ée] (es|son)\b",
            r"\bc'est quoi\b",
            r"^qu'est-ce que\b",
            r"^(qu'est-ce|c'est quoi)\b",
            r"^was (ist|sind)\b",
            r"^o que (é|são)\b",
            r"^(descripci[óo]n|d[ée]finition|definici[óo]n|defini[çc][ãa]o|[üu]berblick)\b",
            r"\ben qu[ée] consiste",
            r"\bqu'est-ce que c'est\b",
            r"\bde quoi s'agit-il\b",
            r"^entendendo\b",
            r"\b(the essentials|essentials)\b",
            r"\b(what happens (in|when|to))\b",
            r"\b(im [üu]berblick|en quelques mots|en pocas palabras|em poucas palavras)\b",
            r"\b(qu[ée] ocurre cuando|o que acontece)\b",
            r"\bwhich type\b",
            r"\btypes? of\b",
            r"^(che )?cos'?\s?[èe]\b|^cosa (sono|[èe])\b",
            r"^wat (is|zijn)\b",
            r"\bin a nutshell\b",
        ),
    ),
    (
        "other",
        (
            r"\bbottom line\b",
            r"\bconclusion\b",
            r"\bsummary\b",
            r"\bkey (points|takeaways|facts)\b",
            r"\btakeaways?\b",
            r"\breferences\b",
            r"\bsources\b",
            r"\bgood to know\b",
            r"\bfaqs?\b",
            r"\bfrequently asked\b",
            r"\b(common|your|more)( [\w-]+){0,2} questions\b",
            r"\bquestions .{0,30}\b(ask|hear|get asked)\b",
            r"\ben resumen\b",
            r"\ben bref\b",
            r"\bfazit\b",
            r"\bconclus[ãa]o\b",
            r"\b(in sintesi|domande frequenti)\b",
            # a product roundup's method: no diagnosis ("tested")
            r"^how (we|i) (tested|test|chose|choose|picked|pick|researched|reviewed|rated)\b",
            r"\b(our|top|best|quick) picks?\b",
        ),
    ),
)

# Japanese headings, written without spaces between words (so without \b): "主な原因",
# "こんな人は要注意", "病院に行く目安", "緊張型頭痛とは？". "病院での治療" is treatment: only a
# visit (受診, 病院に行く, 眼科へ) says when to see a doctor.
_JAPANESE_HEADINGS: dict[str, tuple[str, ...]] = {
    "when_to_see_doctor": (
        r"受診|病院(に|へ)(行|いく)|(医療機関|病院|クリニック|[眼歯内外皮]科|耳鼻(咽喉)?科|小児科)へ|医師に相談",
    ),
    "risk_factors": (r"なりやすい|かかりやすい|要注意|リスク(要因|が高い)|(こんな|どんな)人",),
    "causes": (r"原因|なぜ(起こ|でき|な)",),
    "signs": (r"症状|サイン",),
    "treatment": (r"治療|対処|治し方|治す|ケア",),
    "prevention": (r"予防|防ぐ|防ぎ|繰り返さない",),
    "definition": (r"とは[？?]?$|ってどんな|(どんな|どういう)(病気|もの)",),
    "other": (r"^まとめ$",),
}
# Russian headings: "Что такое гастрит?", "Почему возникает …", "Кто в группе риска",
# "Симптомы", "Как лечить …", "Профилактика", "Когда обращаться к врачу".
_RUSSIAN_HEADINGS: dict[str, tuple[str, ...]] = {
    "when_to_see_doctor": (
        r"\bк врачу\b|\bнуж(ен|на) врач|\bсрочн(ая|ой|ую) помощ|\bобратиться (к|за)\b",
    ),
    "risk_factors": (
        r"\bфактор(ы|ов)? риска\b|\bгрупп[аеуы] риска\b|\bкто (болеет|чаще|рискует)\b"
        r"|\bкому стоит\b",
    ),
    "causes": (r"\bпричин|^почему\b|\bоткуда (берётся|берется|берутся)\b",),
    "signs": (r"\bсимптом|\bпризнак|\bкак (проявляется|понять|распознать)\b",),
    "diagnosis": (r"\bдиагност",),
    "treatment": (r"\bлечени|\b(как|чем) (лечить|лечат|вылечить)\b|\bтерапи",),
    "prevention": (r"\bпрофилактик|\bкак (предотвратить|не заболеть|избежать|уберечься)\b",),
    "complications": (r"\bосложнени|\bпоследстви",),
    "definition": (r"^что такое\b|\bчто это( такое)?\b",),
}
# Chinese headings (Simplified), without spaces between words: "什么是……？", "病因",
# "哪些人容易……", "临床表现", "如何治疗", "预防措施", "什么时候需要就医".
_CHINESE_HEADINGS: dict[str, tuple[str, ...]] = {
    "when_to_see_doctor": (r"就医|就诊|看医生|去医院",),
    "risk_factors": (r"高危人群|易感人群|哪些人(容易|更容易|易)|危险因素",),
    "causes": (r"病因|原因|为什么会|诱因",),
    "signs": (r"症状|临床表现|表现有|征兆",),
    "diagnosis": (r"诊断|检查",),
    "treatment": (r"治疗|如何缓解|怎么办|疗法",),
    "prevention": (r"预防|如何避免",),
    "complications": (r"并发症",),
    "definition": (r"^什么是|是什么[？?]?$|是怎么回事|是什么病",),
}
SECTION_HEADINGS = tuple(
    (
        kind,
        patterns
        + _JAPANESE_HEADINGS.get(kind, ())
        + _RUSSIAN_HEADINGS.get(kind, ())
        + _CHINESE_HEADINGS.get(kind, ()),
    )
    for kind, patterns in SECTION_HEADINGS
)

# "More common" and "most likely" say who is at risk, unless a kind of list follows them:
# "The 8 most common signs are:" lists signs. Why: the risk factors' rule is tried first.
_NOT_NAMING_A_LIST = (
    r"(?! (signs?|symptoms?|causes?|triggers?|treatments?|options?|types?|complications?|"
    r"side effects?|questions?|reasons?|mistakes?|tests?|foods?))"
)

# ... and only when they go on to say who or when ("more likely in people who:", "more common
# if:"): "The most common are:" under "Symptoms" lists symptoms.
_SAYING_WHO = r"(?=\s+(in|among|for|if|when|with|after|during|to|once|as|because)\b)"

# Lead-in phrasings per list kind (the line before a list, usually ending in a colon).
LIST_LEAD_INS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "when_to_see_doctor",
        (
            rf"\b(see|call|contact|visit|consult|talk to|phone|tell)( a| your| the)? {_DOCTOR}",
            r"\b(seek|get) (medical|emergency|urgent|immediate|prompt)? ?(help|care|attention)\b",
            r"\bcall (911|999|112|000|an ambulance|emergency)\b",
            r"\b(book|make|schedule|get) an? (appointment|check-?up)\b",
            r"\bgo to (the|an) (emergency|er|a&e|hospital|urgent)\b",
            r"\b(emergency|urgent) (care|help|attention|treatment)\b",
            r"\b(consulte|acuda|llame|vaya)\b.*\b(m[ée]dico|urgencias)\b",
            r"\bbusque atenci[óo]n\b",
            r"\b(consultez|appelez|contactez)\b",
            r"\b(arzt|[äa]rztin|notarzt|notruf|notaufnahme)\b",
            r"\b(procure|consulte|ligue)\b.*\b(m[ée]dico|emerg[êe]ncia)\b",
            r"\b(rivolgiti|rivolgersi|consulta|chiama|contatta)\b.*\b(medico|pronto soccorso)\b",
            r"\b(farsi visitare|parlarne|sentire)\b.{0,20}\b(medico|dentista|pediatra)\b",
            r"\b(huisarts|dokter|spoedeisende hulp)\b.{0,20}\bals\b",
        ),
    ),
    # "If you know you are prone to keloids, a few precautions help:" is no list of who is
    # prone: precautions prevent, whoever takes them.
    ("prevention", (r"\bprecautions?\b",)),
    (
        "risk_factors",
        (
            r"\brisk factors?\b",
            r"\b(at|higher|greater|increased|raised|more) risk\b",
            r"\bincreases? (your |the )?(risk|chances?|odds)\b",
            rf"\bmore (likely|common|prone|often|vulnerable|susceptible)\b{_NOT_NAMING_A_LIST}"
            rf"{_SAYING_WHO}",
            rf"\b(most|especially) (likely|common)\b{_NOT_NAMING_A_LIST}{_SAYING_WHO}",
            r"\b(most|especially) (affected|at risk|vulnerable)\b",
            r"\b(worse|more common|commoner|more frequent)( or more (visible|noticeable|severe|"
            r"common|frequent))? in (people|those|children|adults|women|men|anyone) who\b",
            r"\bprone to\b",
            r"\b(people|those|groups) (most )?(affected|at risk)\b",
            r"\bfactores de riesgo\b",
            r"\b(mayor|m[áa]s) (riesgo|probable|frecuente|com[úu]n)\b",
            r"\bfacteurs de risque\b",
            r"\b(risque (plus )?[ée]lev[ée]|plus (susceptibles|fr[ée]quent|souvent|(à|a) risque))\b",
            r"\brisikofaktoren\b",
            r"\b(erh[öo]htes risiko|h[äa]ufiger|besonders gef[äa]hrdet)\b",
            r"\bfatores de risco\b",
            r"\b(maior risco|mais (prov[áa]vel|comum|frequente|propensas?))\b",
            r"\bfattori di rischio\b|\b(pi[ùu] a rischio|maggior rischio)\b",
            r"\brisicofactoren\b|\b(meer kans|vaker voor|groter risico|kans .{0,30}groter)\b",
        ),
    ),
    # "Less often, cellulitis leads to:" names what follows from it, before "less often" would
    # read as prevention.
    ("complications", (r"\b(leads?|led) to\s*:?$",)),
    # What to do about the symptoms is no list of symptoms: tried before the signs' rule.
    (
        "prevention",
        (
            r"\b(prevent|avoid|stop)(ing)? (the |your |these |its )?(symptoms|flare-?ups|attacks)\b",
            r"\bkeep(s|ing)? (the |your )?(pain|symptoms?|flare-?ups?|it|them) (away|at bay)\b",
            r"\bkeep(s|ing)? .{1,30} from (building up|coming back|returning|getting worse)\b",
            r"\bless likely to .{1,40} again\b",
            r"\bprotect(s)? (your |the )?\w+( \w+)?$",
            # habits that make the symptoms milder, month after month (premenstrual syndrome)
            r"\b(abitudini|accorgimenti) .{0,30}(sintomi|disturbi) pi[ùu] (leggeri|lievi)\b",
            r"\bverklein(t)? (je )?de kans\b",
            # "You cannot always stop thread veins forming, but these steps may help:"
            r"\b(can ?not|can't) (always |fully |completely )?(stop|prevent|avoid)\b.{0,60}\bbut\b",
            # "These habits can make them less frequent:" (hypnic jerks)
            r"\bmake (it|them|an? \w+|\w+) (much |far |a lot )?less (frequent|common|likely)\b",
            r"\bhelps? keep .{1,30} (down|at bay|away)\b",
            r"\bhelps? stop (new )?\w+ (from )?form(ing)?\b",
            r"\bcut (down|back) (on )?how often\b",
            # "a few habits help stop the problem coming back:"
            r"\bstop .{1,30} (from )?(coming back|returning)\b",
            r"\bin the first place\b",
        ),
    ),
    (
        "treatment",
        (
            r"\b(ease|relieve|reduce|manage|treat|control|soothe|calm|lessen|settle)(s|ing)? "
            r"(the |your |these |its )?symptoms\b",
            r"\b(alleviare|ridurre|attenuare|calmare) (i |questi )?(sintomi|disturbi)\b",
        ),
    ),
    # "A dentist will look for these common causes:" names causes, before "look for" reads as
    # signs
    ("causes", (r"\bcauses\s*:?$",)),
    (
        "signs",
        (
            r"\bsigns?\b(?! (less|more) likely)",
            r"\bsymptoms?\b(?! (less|more) likely)",
            r"\byou (might|may|could|will|can) (notice|feel|experience|see|have|get)\b",
            r"\bif you (notice|feel|spot|see)\s*:?$",
            r"\blook (out )?for\b",
            r"\bwatch (out )?for\b",
            r"\b(clues?|indications?|tell-?tale)\b",
            r"\bs[íi]ntomas?\b",
            r"\b(signos?|señales)\b",
            r"\b(sympt[ôo]mes?|signes?)\b",
            r"\b(symptome?|anzeichen|beschwerden)\b",
            r"\b(sintomas?|sinais)\b",
            r"\b(sintomi|segni)\b",
            r"\b(symptomen|klachten|herken(t|nen)?)\b",
            # what the condition looks like, before "like:" would read as examples
            r"\b(looks?|feels?|appears?|sounds?) like\s*:?$",
        ),
    ),
    (
        "examples",
        (
            r"\bsuch as\b",
            r"\blike\s*:?$",
            r"\b(for example|for instance|e\.g\.)\b",
            r"\bexamples?\b",
            r"\bincluding\s*:?$",
            r"\b(tales como|como por ejemplo|por ejemplo|comme|par exemple|wie zum beispiel|"
            r"zum beispiel|por exemplo|como)\b",
            r"\b(foods?|drinks?|medicines?|medications?|drugs?|culprits?) (that|which)\b",
        ),
    ),
    (
        "prevention",
        (
            r"\bprevent(ion|ing)?\b",
            r"\bless (likely|common|often)\b",
            r"\b(lower|reduce|cut|decrease|minimi[sz]e) (your |the )?(risk|chances?|odds)\b",
            r"\bprotect (yourself|your|against)\b",
            r"\bto (avoid|stay safe)\b",
            r"\b(prevenir|prevenci[óo]n|reducir (el|su) riesgo)\b",
            r"\b(pr[ée]venir|pr[ée]vention|r[ée]duire (le|votre) risque)\b",
            r"\b(vorbeugen|vorbeugung|risiko (senken|verringern))\b",
            r"\b(prevenir|preven[çc][ãa]o|reduzir o risco)\b",
            r"\b(prevenire|prevenzione|ridurre il rischio)\b",
            r"\b(voorkomen|voorkom je|verklein je de kans|verkleint .{0,30}kans)\b",
        ),
    ),
    (
        "diagnosis",
        (
            r"\btests?\b",
            r"\bdiagnos",
            r"\b(imaging|scans?|x-?rays?|ultrasound|mri)\b",
            r"\b(doctor|provider|clinician) (may|will|might|can) (ask|check|examine|order|look)\b",
            r"\bexam(s|ination)?\b",
            r"\b(pruebas|diagn[óo]stico|examens?|diagnostic|untersuchung|diagnose|exames)\b",
        ),
    ),
    (
        "treatment",
        (
            r"\btreat(ment|ments|ed)?\b",
            r"\b(doctor|provider|pharmacist) (may|might|can|will) (recommend|prescribe|suggest)\b",
            r"\bremed(y|ies)\b",
            r"\bmedic(ine|ines|ation|ations)\b",
            r"\btherap(y|ies)\b",
            r"\b(relief|relieve|ease|soothe|manage)\b",
            r"\bself-?care\b",
            r"\b(options|things) (that )?(include|can help|may help)\b",
            r"\b(can|may|might) help\b",
            r"\b(tratamientos?|traitements?|behandlung|therapie|tratamentos?)\b",
            r"\b(trattamenti|terapie|rimedi)\b",
            r"\b(behandeling|behandelingen|medicijnen)\b",
        ),
    ),
    (
        "complications",
        (
            r"\bcomplications?\b",
            r"\b(can|may|could) lead to\b",
            r"\bif (left )?untreated\b",
            r"\b(complicaciones|komplikationen|complica[çc][õo]es)\b",
        ),
    ),
    (
        "causes",
        (
            r"\bcauses? (include|are|of)\b",
            # not "Glands caused by an infection usually:", which says what they do
            r"\bcaused by\b(?![^:]*\b(usually|often|generally|typically|tend to|will|may|can|"
            r"might)\s*:?\s*$)",
            r"\b(common )?(triggers?|culprits?) (include|are)\b",
            r"\b(causas|ursachen)\b",
        ),
    ),
)

# Leading number forms stripped from headings and cause names ("1.", "2)", "#3", "Step 4:",
# "No. 5", "Cause 6 -"). Why: sites number sub-sections in all of these ways.
# Bullets typed into the text: glyphs that are never text ("•", "✓", emoji bullets "✅ ❌ ➡ 👉"),
# cut from a list item's start, and those that may be ("-", "–", "*"), which only make lines a
# list; either may carry an emoji presentation selector.
ITEM_BULLET_GLYPHS = "\u2022\u00b7\u25cf\u25aa\u2714\u2713\u27a4\u2705\u274c\u27a1\U0001f449"
TEXT_BULLET_GLYPHS = "-\u2013*"
# Symbols before a heading's words, which hide no kind ("🩺 What is it?"): emoji with their
# selectors and joiners, dingbats, arrows.
HEADING_LEADING_SYMBOLS = (
    r"^[\s\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\ufe0e\ufe0f\u200d\U0001f000-\U0001faff]+"
)
NUMBER_PREFIX = (
    r"^\s*(?:(?:step|cause|reason|tip|sign|no\.?|number|nr\.?|paso|causa|[ée]tape|schritt|passo)"
    r"\s*#?\s*(?P<a>\d{1,2})\s*[.):\-\u2013\u2014]?"
    r"|#\s*(?P<b>\d{1,2})\s*[.):\-\u2013\u2014]?"
    r"|(?P<c>\d{1,2})\s*[.):\-\u2013\u2014](?!\d)"
    r"|(?P<d>\d)\ufe0f?\u20e3"  # a keycap emoji: "1\ufe0f\u20e3 Dehydration"
    r"|(?P<e>[\u2460-\u2473\u2776-\u277f\u2780-\u2789])"  # circled: "①長時間…", "❷"
    r"|(?P<f>[一二三四五六七八九十]{1,2})[、.．])\s*"  # Chinese: "一、局部损伤"
)
# What ends a list's lead-in: a colon, or the full-width colon of Chinese and Japanese text.
LEAD_IN_COLONS: tuple[str, ...] = (":", "\uff1a")
# A heading element that is a sentence of this many words or more, ending in a full stop, is a
# standfirst (a subtitle), read as a paragraph.
STANDFIRST_MIN_WORDS = 8
# Longest text that can stand as a pseudo-heading paragraph, in characters.
PSEUDO_HEADING_MAX_CHARS = 120  # Why: headings are short; a long bold paragraph is emphasis.
# A run-in name: a paragraph's bold opening ("Dehydration. Not drinking enough water..."), a
# cause's name when its causes section names them no other way.
MAX_RUN_IN_NAME = 80
MIN_RUN_IN_TEXT = 20  # characters of text after the name
MIN_RUN_IN_CAUSES = 2  # run-ins a causes section needs for them to be its causes
QUESTION_HEADING_MAX_CHARS = 90  # Why: a stand-alone question line longer than this is prose.

# Words and short phrases in a section's text that hint at its kind, for sections whose heading
# says little ("What You Can Do", "Hallux valgus"). Why: the text of a vague section still talks
# about treatments, symptoms, tests or germs. Lowercase; counted as whole words.
CONTENT_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "treatment",
        (
            "reliever relievers ibuprofen paracetamol acetaminophen antibiotic antibiotics "
            "antiviral antivirals cream creams ointment ointments gel gels tablet tablets pill "
            "pills drops inhaler inhalers steroid steroids painkiller painkillers treat treated "
            "treats treatment treatments therapy therapies rest heal heals healing ease eases "
            "relieve relieves soothe soothes cure cures stretch stretches stretching exercise "
            "exercises physiotherapy surgery operation prescribe prescribed prescription "
            "tratamiento medicamento medicamentos fármaco fármacos aliviar reposo cirugía "
            "traitement médicament médicaments soulager repos chirurgie behandlung medikament "
            "medikamente tabletten salbe operation lindern tratamento remédio remédios repouso "
            "cirurgia farmaco farmaci pomata "
            "crema riposo chirurgia behandeling medicijn medicijnen zalf "
            "rust operatie",
            "pain relief|home remedies|over the counter",
        ),
    ),
    (
        "prevention",
        (
            "prevent prevents prevention preventing avoid avoiding vaccine vaccines vaccinated "
            "vaccination immunisation immunization hygiene handwashing prevenir evitar vacuna "
            "prévenir éviter vaccin vorbeugen vermeiden impfung vacina",
            "wash your hands|lower your risk|reduce your risk|cut your risk|lower the risk|"
            "reduce the risk|don't share|do not share|wear gloves|wear shoes|wear sunscreen|"
            "lavarse las manos|se laver les mains|hände waschen|lavar as mãos",
        ),
    ),
    (
        "signs",
        (
            "symptom symptoms sign signs tingle tingling itch itchy itching blister blisters "
            "rash rashes swelling swollen fever lump lumps bump bumps spots patches crust crusts "
            "crusted scab scabs sore sores redness aches ache painful tender síntoma síntomas "
            "fiebre dolor picazón hinchazón manchas symptôme symptômes fièvre douleur "
            "démangeaisons boutons rougeurs symptom symptome fieber schmerzen juckreiz "
            "schwellung rötung sintoma sintomas febre dor coceira inchaço "
            "sintomo sintomi febbre dolore prurito gonfiore arrossamento macchie "
            "symptomen klachten koorts pijn jeuk zwelling roodheid vlekken",
            "you may notice|you might notice|you may have",
        ),
    ),
    (
        "causes",
        (
            "cause causes caused trigger triggers virus viruses bacteria bacterium fungus fungi "
            "germ germs parasite parasites infection spread spreads spreading catch passed "
            "contagious inherited causado causada bacterias hongos contagio contagiosa causé "
            "causée bactéries champignons contagion contagieuse verursacht viren bakterien pilz "
            "pilze ansteckend übertragen bactérias fungos contágio",
            "caused by|due to|is spread|are spread|passed on",
        ),
    ),
    (
        "diagnosis",
        (
            "test tests exam examination scan scans biopsy diagnose diagnosis diagnosed swab "
            "swabs ultrasound mri prueba pruebas análisis radiografía diagnóstico ecografía "
            "examen examens analyse analyses radiographie diagnostic échographie untersuchung "
            "bluttest röntgen diagnose ultraschall exame exames radiografia ultrassom",
            "blood test|blood tests|x ray|x rays|ct scan",
        ),
    ),
    (
        "when_to_see_doctor",
        (
            "emergency immediately urgencias acuda urgences consultez notaufnahme notruf",
            "see a doctor|see your doctor|call a doctor|call your doctor|see a gp|see your gp|"
            "call 911|call 999|right away|urgent care|pronto socorro",
        ),
    ),
    (
        "complications",
        (
            "complication complications damage scarring untreated serious permanent "
            "complicaciones daño séquelles komplikationen schäden complicações",
            "lead to|long term|can cause",
        ),
    ),
    (
        "risk_factors",
        (
            "prone riesgo risque häufiger risiko risco",
            "more likely|at risk|higher risk|risk factor|risk factors|more common|más probable|"
            "plus fréquent|mais comum",
        ),
    ),
    (
        "outlook",
        (
            "recover recovery recovers outlook prognosis",
            "go away|goes away|go down|goes down|clear up|clears up|come back|comes back",
        ),
    ),
)

# Weaker heading cues per kind: words and shapes that lean towards a kind without naming it
# ("Why it happens", "Looking after yourself", "Recovery time", "X at a glance"). They add less
# to a section's score than SECTION_HEADINGS, so an explicit phrase or the section's lists win.
SECTION_HEADING_HINTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "definition",
        (
            r"^(what|what's) (is|are)\b",
            r"^what .* (actually |really )?(is|are)$",
            r"^(what|what's) .* mean\b",
            r"\b101\b",
            r"\bat a glance\b",
            r"\b(a )?closer look\b",
            r"\bthe basics\b",
            r"\bin (brief|short)\b",
            r"\bfacts? (about|on)\b",
            r"\bintroduction\b",
            r"\bsummary\b",
            r"\b(what you need to know|need to know)\b",
            r"\b(aper[çc]u|en bref|kurz erkl[äa]rt|en resumen|resumo)\b",
        ),
    ),
    (
        "causes",
        (
            r"^why\b(?!.*\bneeds?\b)(?! (it|this|that|treatment|treating it|care) (matters?|counts?|"
            r"is important))",
            r"^how (it|they|you|people|does|do|did) .*\b(happen|happens|form|forms|start|starts|"
            r"develop|develops|get|gets|catch|caught|spread|spreads|begin|begins)\b",
            r"\bhow .* (form|develop|start|spread)s?\b",
            r"\b(sets? off|brings? on|leads? to it|(is|are|may be|might be|could be) behind)\b",
            r"\b(is|are) to blame\b",
            r"^how (?!to\b).* (get|gets|come|comes) (into|inside)\b",
            r"^how (?!to\b)[\w' -]{1,40} (happen|happens|begin|begins|start|starts)\??$",
            r"^how \w+s get \w+ed\b",  # "How ankles get sprained"
            r"^how (?!to\b)[\w' -]{1,40} (is|are) (caught|spread|passed on)\b",
            r"^what (dries|irritates|inflames|blocks|triggers|sets off) \w+",
            # "What raises uric acid?"; what raises the odds or the risk names risk factors
            r"^what raises (?!(the |your )?(risk|odds|chances?)\b)\w+",
            r"^what makes (you|your|it|them|people|children|babies) \w+",
            r"^what makes [\w']+ (bleed|itch|ache|hurt|swell|crack|flake|peel|burn|twitch|sweat)\b",
            r"^what makes (an? |the |your )?[\w']+ (grow|go|turn|get|become|come)\b",
            r"\b(comes?|coming|came) into contact\b",
            r"\bwhat (sets|brings|leads)\b",
            r"\b(origin|origins|sources?) of\b",
            r"\bcontagious\b",
            r"\bwhere .* from\b",
            r"\b(c[óo]mo se (contagia|transmite|produce)|por qu[ée] (se|ocurre|aparece))\b",
            r"\b(comment (on )?(l'attrape|se transmet)|d'o[uù] vient)\b",
            r"\b(wie entsteht|wie wird .* [üu]bertragen|woher)\b",
            r"\b(como (se pega|se transmite|surge)|por que acontece)\b",
        ),
    ),
    (
        "risk_factors",
        (
            r"\b(who'?s|who is|who are) (affected|most affected|likely|vulnerable)\b",
            r"\bhigher[- ]risk\b",
            r"\b(raises?|increases?|boosts?) (the |your )?(odds|chances?|risk)\b",
            r"\b(odds|chances?)\b",
            r"\b(groups?|people) (at|with|who)\b",
            r"\bcan (children|kids|babies|adults|women|men|older people|teens) (get|have)\b",
            r"\b(that|who) (burn|get|catch|develop)s? .*(faster|more|easily)\b",
            r"\bwho \w+ more (easily|often|readily)\b",
            r"\b(greatest|highest|higher|more) risk\b",
            r"\bvulnerable\b",
            r"\b(m[áa]s propens|m[áa]s afectad|grupos de riesgo)\b",
            r"\b(plus expos|les plus touch|groupes? [àa] risque)\b",
            r"\b(risikogruppen|besonders betroffen|h[äa]ufiger betroffen)\b",
            r"\b(grupos de risco|mais afetad)\b",
        ),
    ),
    (
        "signs",
        (
            r"\brecogni[sz](e|ing)\b",
            r"\bspot(ting)?\b",
            r"\b(tell|know) if\b",
            r"\bcheck if you have\b",
            r"\bstages?\b",
            r"\bwhat .* (feels?|looks?) like\b",
            r"^how (it|an? \w+|the \w+|\w+) feels?$",
            r"\b(attacks?|flare-?ups?|episodes?)\b",
            r"\b(c[óo]mo (se|lo) reconoce|c[óo]mo saber)\b",
            r"\b(comment (le )?reconna[îi]tre|comment savoir)\b",
            r"\b(woran erkennt|wie erkennt)\b",
            r"\b(como (reconhecer|saber))\b",
        ),
    ),
    (
        "diagnosis",
        (
            r"\bconfirm(ed|s|ing)?\b",
            r"\bcheck(s|ing)? (your|the|for)\b",
            r"\b(examin(e|es|ing)|look(s|ing)? at)\b",
            r"\b(what to expect from your doctor|at the (doctor|clinic))\b",
            r"\b(blood work|lab work|imaging|ultrasound|x-rays?|scans?)\b",
            r"\b(c[óo]mo se confirma|pruebas)\b",
            r"\b(examens|bilan)\b",
            r"\b(wie wird .* (festgestellt|erkannt)|befund)\b",
            r"\b(como [ée] confirmad|exames)\b",
        ),
    ),
    (
        "treatment",
        (
            r"\blook(ing)? after (yourself|your|a)\b",
            r"^look(ing)? after\b",
            r"\bcar(e|ing) for\b",
            r"\beas(e|ing)\b(?! into)",
            r"\bget(ting)? rid of\b",
            r"\b(clear|clearing|remov(e|al|ing)|drain(ing)?)\b",
            r"\bprocedures?\b",
            r"\b(antibiotics?|drops|creams?|ointments?|tablets?|pills?|surgery|operation|"
            r"injections?|vaccines? for|physiotherapy|therapies)\b",
            r"\b(options|approaches)\b",
            r"\b(feel(ing)? better|get(ting)? better|speed(ing)? (up )?recovery)\b",
            r"\bget(ting)? (your |the )?[\w']+ (healthy|well|back to normal) again\b",
            r"\bget(ting)? (your |the )?[\w']+ back to health\b",
            r"\bways to (recover|get better|feel better|heal|stop|ease|soothe|relieve|calm)\b",
            r"\b(things you can do|what (you|to) do|helps?|help yourself|at home|home care)\b",
            r"\bhelping (your (child|baby|toddler|teen|teenager)|yourself|them|him|her)\b",
            r"\bget(ting)? over (it|them) (faster|quicker|sooner)\b",
            # "Helping the shape improve" (a baby's flat head), "Helping the skin heal"
            r"\bhelping (the |its |your |a )?[\w']+( [\w']+)? (improve|heal|recover|get better)\b",
            r"\brehydrat(e|ing|ion)\b",
            r"\b(settl|sooth)(e|es|ing) (the |your |an? )?\w*\s?(pain|ache|itch|flare-?ups?)\b",
            r"\bsettl(e|es|ing) (it|them) down\b",
            r"^(soothing|settling|calming) (a|an|the|your|sore|dry|itchy)\b",
            r"\bday to day\b",
            r"\b(aliviar|cuidados|remedios)\b",
            r"\b(soulager|soins|rem[èe]des)\b",
            r"\b(lindern|selbsthilfe|hausmittel|so stoppen)\b",
            r"\b(aliviar|cuidados|rem[ée]dios)\b",
        ),
    ),
    (
        "prevention",
        (
            r"\b(stop(ping)?|keep(ing)?) (it|them) (from )?(coming back|returning|away|"
            r"happening again)\b",
            r"\bcoming back\b",
            r"\b(before it starts|stay(ing)? (safe|healthy|well|hydrated|fresh|strong|steady))\b",
            r"\bstay(ing)? topped up\b",
            r"\bsafer\b",
            r"^before you (travel|fly|go|set off|leave|start|exercise|run|train|colou?r|dye|"
            r"swim|dive|hike|climb)\b",
            r"\breduc(e|ing) (the )?(allergens?|exposure|triggers?|dust mites?)\b",
            r"\bwithout (getting |the |a |an )?\w+$",
            r"\bkeep(ing)? (your|the) [\w ]{1,20} (up|topped up)\b",
            r"\bkeep(ing)? (your |the )?\w+ (healthy|strong|safe|clear|clean|comfortable|supple|"
            r"happy|soft|smooth|flexible)\b",
            r"\bstop(ping)? (the )?\w+ (from )?building up\b",
            r"\beas(e|ing) into\b",
            r"\b(practi[sc]ing|exercising|training|stretching) safely\b",
            r"\b(tips|habits|consejos|conseils|dicas)\b",
            r"^(everyday|daily|day-to-day) [\w']+ (care|hygiene)$",
            r"^(everyday|daily|day-to-day) (changes|habits)\b",
            r"\b(safety|hygiene|vaccination|immuni[sz]ation)\b",
            r"\bclean(ing)?\b",
            r"\bcan you (stop|avoid)\b",
            r"\b(cutting|cut) (down|back) on\b",
            r"\b(cuidarse|evitarlo|evitar que)\b",
            r"\b(s'en prot[ée]ger|[ée]viter que)\b",
            r"\b(verhindern|vorsorge)\b",
            r"\b(evitar que|cuidados para evitar)\b",
        ),
    ),
    (
        "complications",
        (
            r"\b(serious|severe)\b",
            r"\b(problems|risks|dangers|effects) (of|from|that)\b",
            r"\blong[- ]term\b",
            r"\bwhat can go wrong\b",
            r"^why (it|this|that|treatment|treating it|care) (matters?|counts?|is important)\b",
            r"\b(graves?|gravedad|s[ée]quelles|folgesch[äa]den|gravidade)\b",
        ),
    ),
    (
        "outlook",
        (
            r"\brecover(y|ing)?\b",
            r"\bwhat happens next\b",
            r"\blife after\b",
            r"\b(living with|long[- ]term outlook|going forward)\b",
            r"\b(how long|(?<!while it )(?<!while they )last(s)?)\b",
            r"\b(recuperaci[óo]n|gu[ée]rison|heilung|recupera[çc][ãa]o)\b",
        ),
    ),
    (
        "when_to_see_doctor",
        (
            r"^when\b",
            r"\b(urgent|emergency|immediate|right away)\b",
            r"\bnot (enough|working|getting better)\b",
            r"\b(warning signs|danger signs)\b",
            r"\b(call|dial) (911|999|112|000)\b",
            r"^is it (ever )?(more than|something (more )?serious)\b",
            r"\b(urgencias|urgences|notfall|urg[êe]ncia)\b",
        ),
    ),
    (
        "other",
        (
            r"\bquestions (to ask|for your)\b",
            r"\bpreparing for\b",
            r"\b(references|sources|resources|further reading|more information|learn more)\b",
            r"\b(bottom line|takeaway|key points|in summary|conclusion)\b",
        ),
    ),
)

# A sub-heading of a causes section that names medicines and nothing else ("Some medicines",
# "Certain medications", "Steroid medicines", "Medicine side effects"): a cause there, though
# "medicines" names treatment anywhere else. Matched whole against the heading's key
# (lowercase): up to three words before ("blood pressure", "over-the-counter").
CAUSE_MEDICINES_HEADING = (
    r"([\w-]+ ){0,3}"
    r"(medicines?|medications?|drugs?|pills?|tablets?|medicamentos?|f[áa]rmacos?|m[ée]dicaments?"
    r"|medikamente)( (and|y|et|und) (supplements|alcohol|drugs|alcohol|otras sustancias))?"
    r"( side[- ]effects?| use)?"
)

# How much each kind of evidence adds to a section kind's score (see structure._section_kind).
# Why these values: an explicit heading phrase (4) outweighs a hint (2) or one telling list
# (1.5); a parent's kind (2.5, or 4.5 for numbered children and cause sub-sections) wins over
# a child's lists unless the child's own heading names another kind.
HEADING_WEIGHT = 4.0
HEADING_RANK_STEP = 0.5  # later-named kinds of "Causes and Risk Factors" weigh a little less
PRIORITY_BONUS = 2.0
HINT_WEIGHT = 2.0
HINT_RANK_STEP = 0.25  # a heading's later hints weigh a little less
LIST_WEIGHT = 2.0
CHILD_LIST_WEIGHT = 0.75
CUE_WEIGHT = 0.3
CUE_CAP = 2.0
PARENT_WEIGHT = 2.5
STRONG_PARENT_WEIGHT = 4.5  # a sub-section of a causes section
NUMBERED_PARENT_WEIGHT = 6.5  # a numbered sub-section ("3. Medications" under causes)
FALLBACK_WEIGHT = 1.9  # definition/other phrases: a hint that yields to any other hint
MIN_KIND_SCORE = 0.7  # below this, nothing speaks for any kind: the section stays `other`
# A first top-level section that names no kind is usually the definition ("Mumps: the
# essentials", "Hallux valgus"): it gets this much towards `definition`.
FIRST_SECTION_DEFINITION = 1.5
# Kinds an article's title may name for all its sections ("What causes gout?" of a guide's
# sub-articles): its top-level sections get PARENT_WEIGHT towards it, as a parent would give.
TOPIC_KINDS: frozenset[str] = frozenset(
    {"causes", "risk_factors", "signs", "treatment", "prevention", "when_to_see_doctor"}
)
# ... only a short title, in no one's voice: a reader's question ("Why do I wake up to pee at
# night?") heads a whole answer, of every kind, not a sub-article on one.
TOPIC_TITLE_MAX_WORDS = 4
PERSONAL_WORDS: frozenset[str] = frozenset({"i", "my", "me", "we", "our", "you", "your"})

# (heading kind, list kind): a section whose heading names the first and whose every list
# announces the second is of the second kind, whatever the other evidence. Why: "Warning signs"
# sections often hold nothing but a "Seek care at once if you notice:" list.
HEADING_YIELDS_TO_LISTS: frozenset[tuple[str, str]] = frozenset({("signs", "when_to_see_doctor")})

# A lead-in that ends on a condition ("Ask for a blood test if:") lists when the advice holds:
# inside a "When to see a doctor" section, its list keeps the section's kind whatever else the
# lead-in names (a test, a treatment). Why: the lead-in's own kind wins elsewhere.
CONDITION_LEAD_IN = r"\b(if|when|whenever|si|cuando|quand|lorsque|wenn|falls|se|quando)\s*:?$"

# The condition's own name is kept out of the section rules when it says a kind ("Trigger
# finger", "Heat stroke"?): the title's head, of at most this many words and none of these.
# Why: "What is trigger finger?" read as causes. A head with such words ("Symptoms of
# diabetes") names a topic, not a condition, and stays.
MAX_MASKED_NAME_WORDS = 4
# Where a title's head (the condition's name) ends: a colon, a spaced dash, a bar or a bracket.
TITLE_HEAD_END = r"\s*(?::|\s[\u2013\u2014-]\s|\||\()"
NAME_STOPWORDS: frozenset[str] = frozenset(
    {"of", "and", "the", "for", "to", "in", "with", "your", "how", "what", "why", "when", "a"}
)

# Sections whose "such as:" lists are their own items, not examples of one: under
# "Complications", "problems can remain, such as:" lists complications. Sections of actions
# keep examples ("Eat iron-rich foods such as:" under Prevention is one step, its foods the
# examples), as do causes ("minerals such as:" names examples of one cause).
LISTS_OWN_EXAMPLES: frozenset[str] = frozenset({"complications", "signs", "risk_factors"})

# (section kind, lead-in kind): a list of such a section whose lead-in announces the second
# kind keeps the section's. Why: a prevention section's habits are often said to help the
# treatment ("Lifestyle changes help medicines work:" under "Preventing future attacks"),
# where the lead-in's word "medicines" would make them treatments; and the signs a "When to
# see a doctor" section lists ("Book a visit if you notice any of these signs:") say when to go.
SECTION_KEEPS_LISTS: frozenset[tuple[str, str]] = frozenset(
    {("prevention", "treatment"), ("when_to_see_doctor", "signs")}
)
