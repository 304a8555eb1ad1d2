"""Dutch stop words: articles, pronouns, prepositions, conjunctions, auxiliaries, adverbs."""

_STOP_WORDS_TEXT = """
de het een 't 'n 's der des den

ik jij je hij zij ze wij we jullie u mij me jou hem haar ons hen hun zich men
mijn mijne jouw jouwe zijn zijne uw uwe onze ons hunne
dit dat deze die diegene datgene zulk zulke zo'n

wie wat waar wanneer hoe waarom welk welke waarmee waarvan waarop waarin waardoor

en of maar want dus noch doch dan als toen omdat doordat terwijl hoewel zodat
tenzij voordat nadat totdat sinds zodra indien mits ofwel zowel

aan achter bij binnen boven buiten door in langs met na naar naast om onder op over
per rond sinds tegen tijdens tot tussen uit van vanaf vanuit via voor zonder

ben bent is zijn was waren geweest wees
heb hebt heeft hebben had hadden gehad
word wordt worden werd werden geworden
kan kunt kunnen kon konden gekund
moet moeten moest moesten wil wilt willen wilde wilden zou zouden zal zult zullen
mag mogen mocht mochten doe doet doen deed deden gedaan

niet geen nooit ook nog al wel toch even eens reeds weer hier daar er ergens nergens
overal nu dan toen zo zeer erg heel veel weinig meer minst meest alle allen alles
iets niets niemand iemand iedereen ieder elke elk enkele sommige andere ander
altijd vaak soms misschien echter bijna slechts alleen ja nee hierin daarin daarom
daarna daarop daarmee daarvan hiervan hierop hiermee zelf zelfs
"""
STOP_WORDS: set[str] = set(_STOP_WORDS_TEXT.split())

# Texts use the typographic apostrophe as often as the straight one.
STOP_WORDS |= {word.replace("'", "’") for word in STOP_WORDS if "'" in word}
