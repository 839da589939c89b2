"""Phrase rules: ad labels, continue-reading prompts, next-page link texts, in-article
boilerplate lines, and the titles and walls of pages that are no article, in English, Spanish,
French, German, Portuguese, Italian and Dutch.

Each table is a tuple of regular-expression sources, compiled once by `extractors.text`.
All patterns match against text that is lowercased and has its white space folded.
"""

from __future__ import annotations

# Whole blocks that are only an ad label. Why: content farms print a label above every ad slot.
AD_LABELS: tuple[str, ...] = (
    r"advertisements?",
    r"advertising",
    r"sponsored( content| links?)?",
    r"paid (content|post|partner)",
    r"ads?",
    r"(story|article) continues below( this)? (advertisement|ad)",
    r"content continues below",
    r"publicidad(e)?",
    r"anuncio(s)?",
    r"publicit[ée]",
    r"annonce(s)?",
    r"anzeige(n)?",
    r"werbung",
    r"patrocinado",
    r"sponsoris[ée]",
    r"pubblicit[àa]",
    r"sponsorizzato",
    r"advertenties?",
    r"gesponsord",
    r"реклама|рекламный блок|спонсорский материал",
    # A native ad written as a paragraph: "Sponsored: BrightSmile flossers are 40% off ..."
    r"(sponsored|advertorial|promoted|paid (content|post|partnership)|anzeige|publicidad(e)?|"
    r"patrocinado|sponsoris[ée])( by [^:]{1,40})?\s*:\s.{0,200}",
    r"- ?advertisement ?-",
    r"scroll (down )?to continue( reading)?( with (the )?(content|article|story|page))?",
    r"(continua|continúa|continue|sigue|story continues) (ap[óo]s|despu[ée]s de|after|below) (a |la |the )?(publicidade|publicidad|advertisement|anuncio|an[úu]ncio|ad)",
    r"continua a leggere dopo (la |lo |l')?(pubblicit[àa]|annuncio|spot)",
    r"(lees|ga) verder (na|onder) de (advertentie|reclame)",
)

# Whole blocks that ask the reader to go to the next page. Why: the source splits articles over
# pages and pads each break with a prompt such as "Continue reading ... ( NEXT 》 ) button below".
CONTINUE_PROMPTS: tuple[str, ...] = (
    r"(please )?(continue|keep) (reading|scrolling)\b.{0,80}",
    r"scroll (down )?to (keep|continue) reading.{0,40}",
    r".{0,60}\b(click|tap|press)\b.{0,40}\b(next|continue|page|arrow)\b.{0,60}",
    r".{0,40}\bnext (page|button|slide)\b.{0,60}",
    r"(read|see) (the )?(rest|more) (of (the|this) (article|story|post) )?on (the )?next page.{0,40}",
    r"(article|story|post) continues (on|after) (the )?next page.{0,40}",
    r"next\W{0,6}",
    r"\W{0,6}(next|siguiente|suivant|weiter|pr[óo]xim[ao]|successiva|avanti|volgende)\W{0,6}",
    r"(page|página|pagina|seite) \d+ (of|de|sur|von|di|van) \d+",
    r"\W*(continued|continuaci[óo]n|continua[çc][ãa]o|suite|fortsetzung|continua)( from (the )?(previous|last) page| from page \d+)?\W*",
    # Spanish
    r"(contin[úu]a|sigue|seguir) leyendo.{0,80}",
    r".{0,40}(haz|haga) clic.{0,60}(siguiente|abajo).{0,40}",
    r".{0,40}p[áa]gina siguiente.{0,40}",
    # French
    r"(continuez|poursuivez|continuer) (la lecture|[àa] lire|votre lecture).{0,80}",
    r".{0,40}cliquez.{0,60}(suivant|ci-dessous|bouton).{0,40}",
    r".{0,40}page suivante.{0,40}",
    # German
    r"(weiterlesen|weiter lesen|lesen sie weiter|lies weiter).{0,80}",
    r".{0,40}klicken sie.{0,60}(weiter|n[äa]chste|unten).{0,40}",
    r".{0,40}n[äa]chste seite.{0,40}",
    # Portuguese
    r"(continue|continua) (lendo|a ler).{0,80}",
    r".{0,40}clique.{0,60}(pr[óo]xim[ao]|abaixo|bot[ãa]o).{0,40}",
    r".{0,40}pr[óo]xima p[áa]gina.{0,40}",
    # Italian
    r"(continua|continuate|prosegui) (a leggere|la lettura).{0,80}",
    r".{0,40}(clicca|cliccate|premi).{0,60}(successiva|avanti|sotto|pulsante).{0,40}",
    r".{0,40}pagina successiva.{0,40}",
    # Dutch
    r"lees verder\b.{0,80}",
    r".{0,40}klik.{0,60}(volgende|verder|hieronder|knop).{0,40}",
    r".{0,40}volgende pagina.{0,40}",
)

# Words one of which every continue-reading prompt contains: a cheap gate before the prompt
# patterns, which backtrack. Keep in step with CONTINUE_PROMPTS.
PROMPT_KEYWORDS: tuple[str, ...] = (
    "continu",
    "click",
    "tap",
    "press",
    "next",
    "page",
    "p\u00e1gina",
    "pagina",
    "seite",
    "siguiente",
    "suivant",
    "weiter",
    "n\u00e4chste",
    "naechste",
    "pr\u00f3xim",
    "proxim",
    "clic",
    "klick",
    "lesen",
    "leyendo",
    "lecture",
    "lendo",
    "scroll",
    "suite",
    "successiv",
    "avanti",
    "volgende",
    "verder",
    "klik",
    "clicca",
    "leggere",
    "lettura",
    "fortsetzung",
    "seguinte",
    "rest",
    "more",
    "keep",
)

# Link, button or pager texts that point to the article's next page.
NEXT_PAGE_PHRASES: tuple[str, ...] = (
    r"\W*next\W*",
    r"\W*next (page|part)\W*",
    r"\W*(continue( reading)?|keep reading)\W*",
    r"\W*(read|see) more\W*",
    r"\W*(siguiente|p[áa]gina siguiente|continuar)\W*",
    r"\W*(suivant|suivante|page suivante|continuer)\W*",
    r"\W*(weiter|n[äa]chste( seite)?|fortsetzen)\W*",
    r"\W*(weiter )?(zur|auf die) n[äa]chsten? seite\W*|\W*weiter zu seite \d{1,3}\W*",
    r"\W*(continue|go|skip|move|read on)( on)? to (the )?next page\W*",
    r"\W*(ir|pasar|continuar|seguir) (a|en) la (p[áa]gina siguiente|siguiente p[áa]gina)\W*",
    r"\W*(aller|passer|continuer) (à|a) la page suivante\W*",
    r"\W*(ir|avan[çc]ar|continuar|seguir) para a pr[óo]xima( p[áa]gina)?\W*",
    r"\W*(pr[óo]xim[ao]|pr[óo]xima p[áa]gina|seguinte|continuar)\W*",
    r"\W*(successiva|pagina successiva|avanti|prosegui|continua)\W*",
    r"\W*(volgende|volgende pagina|verder|lees verder|verder lezen)\W*",
    r"\W*(ga|door) (naar|met) (de )?(volgende pagina|pagina \d{1,3})\W*",
    r"\W*(vai|passa|prosegui|continua) (alla|a) (pagina successiva|prossima pagina|pagina \d{1,3})\W*",
    # Keep-reading calls: "Continue lendo »", "Sigue leyendo", "Lire la suite", "Weiterlesen"
    r"\W*(continue|continuar|contin[úu]a|siga|sigue|seguir) (lendo|leyendo)\W*",
    r"\W*(continua|prosegui|continuate) (a leggere|la lettura)\W*",
    r"\W*(lire la suite|continuer (la lecture|[àa] lire)|weiterlesen)\W*",
    # The next part named: "Next: Causes and risk factors »", "Continue to part 2 of 3"
    r"\W*next( page| part| section)?\s*[:\u2013\u2014-]\s*\w.{0,50}",
    r"\W*((continue|go|skip|read on) to |read )?(part|page|section) \d{1,3}( of \d{1,3})?\W*",
    r"[›»》→>]+",
    # Japanese, Chinese, Korean: "次のページへ ＞", "続きを読む", "下一页", "다음 페이지"
    r"\W*(次の?ページへ?|次へ|続きを読む|続きはこちら|下一[页頁]|继续阅读|繼續閱讀|다음( 페이지)?)\W*",
    # Russian: "Следующая страница →", "Далее »", "Читать далее"
    r"\W*(следующая( страница)?|далее|дальше|вперёд|вперед|читать (далее|дальше))\W*",
)

# Words one of which a next-page link's text (or aria-label/title) contains, for a fast C-level
# pre-selection (lexbor's :lexbor-contains); NEXT_PAGE_PHRASES then decide.
NEXT_PAGE_KEYWORDS: tuple[str, ...] = (
    "next",
    "continu",
    "more",
    "siguiente",
    "suivant",
    "weiter",
    "chste",
    "xima",
    "ximo",
    "seguinte",
    "fortsetzen",
    "successiv",
    "avanti",
    "prosegui",
    "leggere",
    "alla pagina",
    "volgende",
    "verder",
    "naar pagina",
    "part ",
    "keep reading",
    "lendo",
    "leyendo",
    "suite",
    "\u0441\u043b\u0435\u0434\u0443\u044e\u0449",  # следующ
    "\u0434\u0430\u043b",  # дал(ее), дал(ьше)
    "\u0432\u043f\u0435\u0440",  # впер(ёд)
    "\u6b21",  # 次
    "\u7d9a\u304d",  # 続き
    "\u4e0b\u4e00",  # 下一
    "\u7ee7\u7eed",  # 继续
    "\u7e7c\u7e8c",  # 繼續
    "\ub2e4\uc74c",  # 다음
    "\u203a",
    "\u00bb",
    "\u300b",
    "\u2192",
    ">",
)

# Texts that say a link goes to the next *article*, not the next page. Why: WordPress themes put
# "Next post" links with rel=next; following them would glue two articles together.
NEXT_ARTICLE_PHRASES: tuple[str, ...] = (
    r".*\b(next|previous|prev) (post|article|story|entry|slide ?show)\b.*",
    r".*\b(art[íi]culo|article|artikel|artigo) (siguiente|suivant|n[äa]chster|seguinte)\b.*",
    r".*\b(articolo|post) (successivo|precedente)\b.*",
    r".*\b(volgend|vorig)e? (artikel|bericht)\b.*",
)

# Listing-page link texts that open the article of their card, whatever its title. Why: cards
# often link the headline once and repeat the link as "Read more"; some link only the latter.
READ_MORE_PHRASES: tuple[str, ...] = (
    r"\W*(read|see|view) (more|the (full )?(article|story|post)|full (article|story|post)|on)\W*",
    r"\W*(read|learn|find out) more( about (it|this))?\W*",
    r"\W*(continue|keep) reading\W*",
    r"\W*full story\W*",
    r"\W*(leer|ver) (m[áa]s|art[íi]culo)\W*|\W*(seguir|continuar) leyendo\W*",
    r"\W*(lire|voir) (la suite|plus|l'article)\W*|\W*en savoir plus\W*",
    r"\W*(weiterlesen|mehr (lesen|erfahren)|zum artikel)\W*",
    r"\W*(ler|leia|saiba|ver) mais\W*|\W*continuar (lendo|a ler)\W*",
    r"\W*(leggi|scopri) (di pi[ùu]|tutto|l'articolo)\W*|\W*continua a leggere\W*",
    r"\W*(lees (meer|verder|het artikel)|verder lezen)\W*",
)

# In-article lines that are not article text, by the removal kind they count under.
# Cross-links and widget titles: clickbait.
INLINE_CLICKBAIT: tuple[str, ...] = (
    r"(read|see) (more|also|next|this)\s*[:|-].{0,200}",
    r"(related( articles?| posts?| stories| reading| content| coverage)?( on this site)?|"
    r"recommended( for you| reading)?|more on this( topic)?|you (may|might) (also )?like|"
    r"don'?t miss)\s*([:|\u2014\u2013-].{0,200})?",
    r"(also read|must read|trending|popular)\s*:.{0,200}",
    r"(featured|sponsored|recommended|trending) videos?",
    r"((читайте|читать) (также|ещё|еще)|(похожие|популярные) (статьи|материалы))\s*:?.{0,200}",
    r"(people also (ask|asked|search for|read)|related (questions|searches))\s*:?",
    r"(trending( now| today)?|popular( now| posts| stories| articles)?|most (read|popular|viewed)|"
    r"around the web|(sponsored|promoted|partner) (stories|content|links)|from (our|the) partners|"
    r"what to read next|read next|up next|more (stories|from us|to read)|editor'?s picks)"
    # a widget's label beside its own "Sponsored" tag: "Around the web Sponsored"
    r"(\s*[|\u00b7\u2022:-]?\s*(sponsored|promoted|ad|ads|paid content|by \w+))?",
    r"(lea|lee) (tambi[ée]n|m[áa]s)\s*:.{0,200}",
    r"(te puede interesar|tambi[ée]n te puede interesar)\s*:?.{0,200}",
    r"(lire aussi|[àa] lire aussi|voir aussi)\s*:?.{0,200}",
    r"(lesen sie auch|mehr zum thema|auch interessant)\s*:?.{0,200}",
    r"(leia tamb[ée]m|veja tamb[ée]m|saiba mais)\s*:.{0,200}",
    r"(leggi anche|potrebbe interessarti( anche)?|ti potrebbe interessare( anche)?|articoli "
    r"correlati|i pi[ùu] letti)\s*:?.{0,200}",
    r"(lees ook|ook interessant|dit vind je misschien ook interessant|gerelateerde artikelen|"
    r"meest gelezen)\s*:?.{0,200}",
    r"this (article|post|page) (contains|may contain) affiliate links.{0,200}",
    # an affiliate disclosure: "We may earn a commission when you buy through links on this page."
    r"(we|i) (may )?(earn|receive|get|make) (a )?(small )?(commission|fee|share of sales).{0,200}",
    r"as an amazon associate.{0,200}",
    # Japan's stealth-marketing notice: "this page contains promotions" (本ページはプロモーション
    # が含まれています), and its short "PR" and "広告" labels
    r"(本|この)(ページ|記事)(は|には)(プロモーション|広告|アフィリエイト(広告)?)(が|を)含(まれ|み|む).{0,60}",
    r"(pr|広告|スポンサーリンク|sponsored link)",
)
# Share, follow and print calls, pagers and widget controls: navigation.
INLINE_NAVIGATION: tuple[str, ...] = (
    r"(share|tweet|pin|email|post)( this| it)? on (facebook|twitter|x|pinterest|whatsapp|linkedin"
    r"|reddit|email|threads|bluesky).{0,60}",
    r"(share|email|print) (this )?(article|story|post|page)?\W*",
    # A prefix ending in a non-word character, not ".{0,40}\bshare": the same matches. The
    # lookahead only looks for the literal: lines without "share " are rejected fast. Greedy,
    # not lazy (a lookahead finds the same either way): after a greedy repeat the engine steps
    # back to the literal's positions only, while a lazy one tries every position (4x the cost).
    r"(?=.{0,40}share )(.{0,39}\W)?share (it|this|with (a )?friends?)\b.{0,30}",
    r"[\d.,]+\s?k?\s?(shares?|comments?|views?)",
    r"(follow|like) us on .{0,80}",
    r"(on this page|jump to|table of contents|contents|in this article)\s*:?",
    r"(caption|close|expand|collapse|enlarge( this)?( image)?|(view|open|launch) (the )?gallery|"
    r"(image|photo|slide|picture) \d+ (of|/) \d+|\d+ (of|/) \d+|show (more|less)|read (more|less)|"
    r"(toggle|hide|show) caption|back to (top|gallery)|skip (to )?(ad|advert)|replay|play video)",
    # Pager lines: "« Prev  Page 2 of 3  Next »", "Pages: 1 2 3".
    r"([«‹<]+\s*)?(prev|previous)?\s*(pages?|p[áa]ginas?|pagine|pagina's|seiten?)\s*:?(\s*\|?\s*\d+)+"
    r"(\s*(next|siguiente|suivant|weiter|pr[óo]xim[ao]|successiva|volgende)\s*[»›>]*)?",
    r"([«‹<]+\s*)?\d{1,3}(\s+\d{1,3})+(\s*[»›>]+)?",  # a pager of page numbers only: "1 2 3"
    r"([«‹<]+\s*)?(prev|previous|anterior|pr[ée]c[ée]dent|zur[üu]ck)?\s*[«‹<]*\s*"
    r"((page|p[áa]gina|seite|part|parte|partie|teil|deel) \d+ (of|de|sur|von|di|van) \d+)\s*"
    r"(next|siguiente|suivant|weiter|pr[óo]xim[ao])?\s*[»›>]*",
    # Page tools and pager words on a line of their own, or as one part of a "a | b | c" line.
    r"printer[- ]friendly( version| page)?|print (this )?(page|article|version)|"
    r"e-?mail (this|the) (page|article|story)( to a friend)?|send (this )?to a friend|top of (the )?page",
    # an app shell's loading indicator: "Loading…", "Please wait..."
    r"(loading|cargando|chargement|wird geladen|caricamento|bezig met laden|please wait)\s*"
    r"(\.\.\.|\u2026)?",
    r"[«‹<]+\s*(prev|previous|anterior|pr[ée]c[ée]dent|zur[üu]ck|precedente|indietro|vorige|"
    r"terug)(\s+pagina)?|(next|siguiente|suivant|weiter|successiva|avanti|volgende|verder)\s*[»›>]+",
    # a breadcrumb trail typed as text: "You are here: Home > Health A-Z > Verrucas"
    r"(you are here|vous [êe]tes ici|sie sind hier|est[áa]s aqu[íi])\s*:?.{0,200}",
    r"home( page)?\s*[>»›/|]\s*[^.!?]{1,60}([>»›/|]\s*[^.!?]{1,60}){0,4}",
)
# Newsletter calls, feedback widgets, author boxes and bylines: other furniture.
INLINE_OTHER: tuple[str, ...] = (
    r"can'?t see the video\??( watch it on youtube\.?)?",
    r"download the infographic( \(pdf\))?",
    # rating widgets: "Rate this guide", "4.6/5 - (218 votes)"
    r"rate this (article|post|guide|page|recipe)\W*",
    r"[\d.]+\s*/\s*(5|10)\s*[-\u2013(]*\s*\(?\s*[\d,]+ (votes?|ratings?|reviews?)\s*\)?",
    r"(sign up|subscribe)( now)?( for| to)? (our|the|free)? ?(daily |weekly |free )?"
    r"(newsletter|updates|emails?).{0,120}",
    r"(get|receive) (our|the) .{0,40}newsletter.{0,120}",
    r"join (our|the) (mailing list|newsletter).{0,120}",
    # a leaflet's own furniture: the other-formats offer and its reference line
    r"if you (need|would like|require) this (leaflet|information|document|page|booklet) in "
    r"(another|a different|an alternative|other) (format|language).{0,240}",
    r"(we can|we will|we are happy to) (provide|offer|supply) this (leaflet|information|"
    r"document|booklet) in .{0,280}",
    r"(leaflet|document|publication) (reference|ref\.?|number|no\.?)\s*:?\s*[\w-]{2,20}"
    r"([,;]?\s*(review|published|issue) date\s*:?\s*[\d/.-]{4,10})?.{0,40}",
    # a practice's own page furniture: testimonials and price lists
    r"what (our|my) (patients|clients|customers) (say|think)\W*",
    r"(our )?(prices|price list|fees)( and (fees|prices|booking))?\W*",
    r"(suscr[íi]bete|abonnez-vous|abonnieren sie|assine|inscreva-se).{0,160}",
    r"(advertisement|anzeige|publicidad|publicit[ée])\s*[-:].{0,40}",
    r"(was|is) this( article| page| information| content| post| answer)? (helpful|useful)\??.{0,60}",
    r"(did you find this|how (helpful|useful) was this).{0,60}",
    r"(about|meet) the (author|writer|reviewer|expert)s?\b.{0,80}",
    r"(written |posted |reviewed |medically reviewed )?by [^.!?]{2,60}\s[\u00b7|\u2022]\s.{0,200}",
    r"(medically |clinically |fact[- ]checked and )?reviewed by [^!?]{2,80}",
    r"(last )?(updated|published|posted|reviewed)( on)?:? [\w ,.:]{3,40}\d{4}.{0,80}",
    r"(updated|published|posted)( on)?:? \d{4}-\d{1,2}-\d{1,2}( by [^|.!?]{2,60})?",
    # a page's review dates: "Page last reviewed: 12 March 2026", "Next review due: 12 March
    # 2029", or both in a line
    r"(page )?(last )?(reviewed|updated)( on)?:? [\w ,.]{3,30}\d{4}\.?"
    r"(\s*next review( due| date)?:? [\w ,.]{3,30}\d{4}\.?)?",
    r"next review( due| date)?:? [\w ,.]{3,30}\d{4}\.?",
    # numeric review dates and a page's id: "Last reviewed: 03/2026 | Page ID 4417"
    r"(page )?(last )?(reviewed|updated)( on)?:? \d{1,2}[/.-]\d{2,4}([/.-]\d{2,4})?"
    r"(\s*[|\u00b7]\s*page id:? ?\d+)?",
    r"page id:? ?\d+",
    # who wrote and checked the page: "Written and checked by the Patient Information Panel."
    r"(written|produced|prepared) and (checked|reviewed|approved) by [^!?]{2,80}",
    r"\d{1,2} min(ute)?s? read",
    # A publishing platform's byline line and badges: "Published in Everyday Wellness · 6 min
    # read · Apr 2, 2025", "Member-only story".
    r"published in .{1,60}?\d{1,2} min(ute)?s? read.{0,40}",
    r"member[- ]only (story|article|post)",
    # A view counter at the end of an article: "98962 readers found this helpful".
    r"[\d.,]+\s?k?\s(readers?|people|visitors?|users?|others)\s(found|find|liked|rated|read|"
    r"viewed|shared)\s(this|it)\b.{0,40}",
    r"(photo|image|picture|illustration|video)s? ?(credit|source|courtesy)s?\s*[:/].{0,120}",
    # a bare credit: "Photo: Tomas Reyes" (a caption that describes runs longer), "Photo by
    # Ana Ruiz on Unsplash", "Illustration by Maya Lindqvist for Ward Notes"
    r"(photo|image|picture|illustration)s?( by)?\s*:\s*(\S+\s?){1,4}",
    r"(photo|image|picture|illustration)s? by (\S+\s?){1,4}((on|for|via) (\S+\s?){1,4})?",
    # a newsletter's appeal: "Ward Notes is a reader-supported publication. To receive new
    # posts..., consider becoming a free or paid subscriber."
    r".{0,60}\bis a reader-supported publication\b.{0,240}",
    # A site's copyright line (short: a wire service's notice, which the article carries, runs
    # longer).
    r"(\u00a9|\(c\)|copyright)\s*(\u00a9\s*)?(\d{4}([-\u2013]\d{4})?)?\s.{0,80}",
    # A letter's greeting and sign-off around an emailed article: "Dear patients,", "Warm
    # regards, The Birchfield team"
    r"(dear|hello|hi) (patients|readers|friends|all|everyone|subscribers|members|parents|"
    r"families|colleagues)\s?[,!:]?",
    r"(warm|kind|best|warmest|kindest|with (best|warm|kind)) (regards|wishes)\s?,?"
    r"(\s(from )?(the |all of us at |everyone at )?[\w' &.-]{1,40}( team)?)?\.?",
    # A site's medical disclaimer: "Information from X does not replace advice from your own
    # doctor", "The content of this page is for general information only". Its subject is the
    # site's information itself, not a treatment ("Self-care does not replace..." is text).
    r"(the |this |all |our )?(information|content|material|articles?|advice)( (on|from|in|of|"
    r"provided by|published by|given (on|in)) [^.]{1,60})? (is|are|does|do|should)( not|n't)?"
    r" (not |never )?(replace|substitute|a substitute|intended|meant|be (used as )?a substitute|"
    r"for general (information|interest|educational purposes))\b.{0,240}",
    r"(foto|imagen|image|bild)\s*:\s*.{0,80}(getty|istock|shutterstock|adobe stock|stock).{0,40}",
)
INLINE_BOILERPLATE: tuple[str, ...] = INLINE_CLICKBAIT + INLINE_NAVIGATION + INLINE_OTHER
# A cross-link that ends a paragraph of article text, after its last sentence ("... tissues.
# Lee también: Ten foods rich in iron"): cut from the paragraph when its words are a link.
CROSS_LINK_TAIL = (
    r"(?<=[.!?\u2026])\s+((read|see) (also|more)|also read|related|(lee|lea) (tambi[ée]n|m[áa]s)|"
    r"(lire|voir) aussi|[àa] lire aussi|lesen sie auch|mehr zum thema|(leia|veja) tamb[ée]m)"
    r"\s*:\s*[^.!?]{3,160}$"
)

# Labels that stand for a cookie banner or consent prompt when a block is made only of them.
COOKIE_PHRASES: tuple[str, ...] = (
    r".{0,120}\b(we|this (site|website)) uses? cookies\b.{0,300}",
    r".{0,120}\b(accept|allow|manage) (all )?cookies\b.{0,200}",
    r".{0,80}utilizamos cookies.{0,300}",
    r".{0,80}nous utilisons des cookies.{0,300}",
    r".{0,80}wir verwenden cookies.{0,300}",
)

# What follows an author's name at the start of an author box ("Kelly Brennan is a nurse ...",
# "Kelly Brennan, RN, ..."). Plain substrings, matched case-sensitively after the name.
AUTHOR_BIO_VERBS: tuple[str, ...] = (
    " is ",
    " has ",
    " writes ",
    " was ",
    " covers ",
    " holds ",
    ", ",
)

# A newsletter issue's subject line, as an archived email's title: "February newsletter: Hay
# fever, and how to get ahead of it", "Issue 12 - Winter". Matched whole against the metadata
# title; the email's own h1 then names its article.
ISSUE_TITLES: tuple[str, ...] = (
    r"([\w'-]+ ){0,3}(newsletter|bulletin|digest|e-?news)( no\.?)?( \d{1,4})?\s?"
    r"[:|\u2013\u2014-] .+",
    r"(issue|edition|vol(ume)?\.?) ?(no\.? ?)?\d{1,4}\s?[:|\u2013\u2014-] .+",
)
# Titles of pages that say they are no article, served with 200 OK: a soft "not found" page,
# a cookie-consent interstitial, a sign-in page. Matched whole against the page's title and its
# metadata title. Why: a sitemap's stale URLs answer so, and each page runs to several blocks.
NOT_ARTICLE_TITLES: tuple[str, ...] = (
    r"(error )?404\b.*",
    r"(sorry,? |oops,? |whoops,? )?(the )?(page|article|content|post)( you requested| you('re| are)"
    r" looking for)? (was |is |could not be |cannot be |can'?t be )?(not found|missing|"
    r"unavailable|not available)\W*",
    r"(sorry,? |oops,? )?(we )?(couldn'?t|could not|can'?t|cannot) find (that|this|the|what you)"
    r".{0,40}",
    r"(this |that |the )?page (doesn'?t|does not|no longer) exists?\W*",
    r"(p[áa]gina no encontrada|page (introuvable|non trouv[ée]e)|seite nicht gefunden|"
    r"pagina non trovata|pagina niet gevonden|p[áa]gina n[ãa]o encontrada)\W*",
    r"before you continue( to \w+)?\W*",
    r"(your )?(cookie|privacy) (settings|preferences|choices|consent)\W*",
    r"(sign|log) ?in( to (your account|continue))?\W*",
)
# A sign-in or subscription wall's line: the page holds only the teaser before it when its other
# text is short (see extractors.article). Why: a login wall showed a title and two sentences.
SIGN_IN_WALLS: tuple[str, ...] = (
    r"(sign|log) ?in( or (register|sign up|create an account))? to (keep|continue) reading\W*",
    r"(subscribe|register|sign up|create a free account|join( now)?) to (keep|continue) "
    r"reading.{0,60}",
    r"(this (article|content) is (only )?(available )?for (members|subscribers)).{0,60}",
)
