"""The page furniture the demo site wraps around articles: clickbait headlines, ad labels,
prompts, menus, cookie and newsletter texts. All written by this project.

`BOILERPLATE_TEXTS` lists every distinctive furniture string so tests can assert that none of it
reaches a record.
"""

from __future__ import annotations

CLICKBAIT_HEADLINES: tuple[str, ...] = (
    "THE SHAPE OF YOUR THUMB SAYS MORE ABOUT YOU THAN YOU THINK \U0001f44d",
    "She Poured Vinegar Into Her Washing Machine. The Result Shocked Everyone",
    "Don't throw out those old wooden spoons until you read this...",
    "Doctors Can't Explain Why This Morning Drink Is Suddenly Everywhere",
    "WHAT YOUR FAVOURITE COLOUR REVEALS ABOUT YOUR LOVE LIFE \u2764\ufe0f",
    "15 Celebrities Who Look Completely Different Without Makeup",
    "He Found A Strange Box In His Attic. What Was Inside Is Priceless",
    "This One Cheap Kitchen Trick Keeps Bananas Fresh For Weeks",
    "Retirees Are Rushing To Claim This Little-Known Bonus",
    "THE NUMBER OF BIRDS YOU SPOT IN THIS PICTURE REVEALS YOUR REAL AGE \U0001f426",
    "Put A Bay Leaf Under Your Pillow And Watch What Happens",
    "Mechanics Beg Drivers To Stop Doing This At Gas Stations",
)

AD_LABELS: dict[str, str] = {
    "en": "ADVERTISEMENT",
    "es": "PUBLICIDAD",
    "fr": "PUBLICIT\u00c9",
    "de": "ANZEIGE",
    "pt": "PUBLICIDADE",
}

CONTINUE_PROMPTS: dict[str, str] = {
    "en": "Continue reading by clicking the ( NEXT \u300b ) button below !",
    "es": "Contin\u00faa leyendo haciendo clic en el bot\u00f3n ( SIGUIENTE \u300b ) de abajo",
    "fr": "Continuez la lecture en cliquant sur le bouton ( SUIVANT \u300b ) ci-dessous",
    "de": "Lesen Sie weiter, indem Sie unten auf ( WEITER \u300b ) klicken",
    "pt": "Continue lendo clicando no bot\u00e3o ( PR\u00d3XIMO \u300b ) abaixo",
}
NEXT_LABELS: dict[str, str] = {
    "en": "NEXT \u300b",
    "es": "SIGUIENTE \u300b",
    "fr": "SUIVANT \u300b",
    "de": "WEITER \u300b",
    "pt": "PR\u00d3XIMO \u300b",
}
NEXT_PAGE_LABELS: dict[str, str] = {
    "en": "Next Page \u00bb",
    "es": "P\u00e1gina siguiente \u00bb",
    "fr": "Page suivante \u00bb",
    "de": "N\u00e4chste Seite \u00bb",
    "pt": "Pr\u00f3xima p\u00e1gina \u00bb",
}
KEEP_READING: dict[str, str] = {
    "en": "Please keep reading on the next page",
    "es": "Sigue leyendo en la p\u00e1gina siguiente",
    "fr": "Poursuivez votre lecture sur la page suivante",
    "de": "Weiterlesen auf der n\u00e4chsten Seite",
    "pt": "Continue lendo na pr\u00f3xima p\u00e1gina",
}

NAV_ITEMS: tuple[str, ...] = (
    "Home",
    "Health Conditions A-Z",
    "Healthy Eating",
    "Fitness & Workouts",
    "Quizzes",
    "Contact Us",
)
COOKIE_TEXT = (
    "We use cookies to personalise content and ads and to analyse our traffic. "
    "By continuing to browse this site you agree to our use of cookies."
)
COOKIE_BUTTON = "Accept all cookies"
NEWSLETTER_TITLE = "Get our free Healthy Habits newsletter"
NEWSLETTER_TEXT = "Sign up for weekly tips on sleep, food and fitness delivered to your inbox."
SIDEBAR_TITLE = "Trending Right Now"
SHARE_TEXT = "Share this article"
FOLLOW_TEXT = "Follow us on Facebook for daily wellness tips"
RELATED_LINE = "Read more: 9 Pantry Staples That Quietly Sap Your Energy"
RELATED_INLINE = "RELATED: The Surprising Reason You Wake Up At 3 a.m."
FOOTER_TEXT = (
    "All rights reserved. The material on this website is provided for general information "
    "and entertainment and is updated by our editorial team."
)
FOOTER_LINKS: tuple[str, ...] = ("About Our Team", "Privacy Policy", "Terms of Use", "Advertise")
YOU_MAY_LIKE = "You May Also Like"
SPONSORED_STORIES = "Sponsored Stories From Around The Web"

BOILERPLATE_TEXTS: tuple[str, ...] = (
    *CLICKBAIT_HEADLINES,
    *AD_LABELS.values(),
    *CONTINUE_PROMPTS.values(),
    *NEXT_LABELS.values(),
    *NEXT_PAGE_LABELS.values(),
    *KEEP_READING.values(),
    "Health Conditions A-Z",
    "Fitness & Workouts",
    COOKIE_TEXT,
    COOKIE_BUTTON,
    NEWSLETTER_TITLE,
    NEWSLETTER_TEXT,
    SIDEBAR_TITLE,
    SHARE_TEXT,
    FOLLOW_TEXT,
    RELATED_LINE,
    RELATED_INLINE,
    FOOTER_TEXT,
    *FOOTER_LINKS,
    YOU_MAY_LIKE,
    SPONSORED_STORIES,
)
