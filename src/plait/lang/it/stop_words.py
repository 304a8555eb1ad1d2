"""Italian stop words: articles, articulated prepositions, pronouns, auxiliaries, adverbs."""

_STOP_WORDS_TEXT = """
il lo la i gli le l' un uno una un'

di a da in con su per tra fra
del dello della dei degli delle dell'
al allo alla ai agli alle all'
dal dallo dalla dai dagli dalle dall'
nel nello nella nei negli nelle nell'
sul sullo sulla sui sugli sulle sull'
col coi

io tu lui lei egli ella esso essa noi voi loro essi esse
mi ti si ci vi ne me te se ce ve gli glielo gliela glieli gliele
mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra nostri nostre
vostro vostra vostri vostre

questo questa questi queste quello quella quelli quelle quel quei quegli quest' quell'
che chi cui quale quali quanto quanta quanti quante cosa come dove quando perché

e ed o od ma però anche neanche nemmeno neppure né se sia oppure quindi dunque
infatti mentre poiché benché sebbene affinché cioè

essere sono sei è siamo siete era eri eravamo erano fui fu furono stato stata stati
state sarò sarà saranno sarebbe sarebbero sia siano fosse fossero
avere ho hai ha abbiamo avete hanno avevo aveva avevano ebbe avuto avrà avrebbe abbia
abbiano avesse
fa fare fatto può possono deve devono

non più meno molto molta molti molte poco poca pochi poche tanto tanta tanti tante
troppo tutto tutta tutti tutte altro altra altri altre stesso stessa stessi stesse
ogni ciascuno qualche qualcuno qualcosa nessuno niente nulla alcuni alcune
già ancora sempre mai qui qua lì là ora adesso oggi poi dopo prima così bene male
solo soltanto proprio circa forse sì no c' ecco
"""
STOP_WORDS: set[str] = set(_STOP_WORDS_TEXT.split())

# Texts use the typographic apostrophe as often as the straight one.
STOP_WORDS |= {word.replace("'", "’") for word in STOP_WORDS if "'" in word}
