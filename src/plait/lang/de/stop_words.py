"""German stop words: articles, pronouns, prepositions, conjunctions, auxiliaries, particles."""

_STOP_WORDS_TEXT = """
der die das des dem den ein eine einer eines einem einen kein keine keiner keines keinem keinen

ich du er sie es wir ihr mich dich sich uns euch mir dir ihm ihnen man jemand niemand
mein meine meiner meines meinem meinen dein deine deiner deines deinem deinen
sein seine seiner seines seinem seinen ihre ihrer ihres ihrem ihren
unser unsere unserer unseres unserem unseren euer eure eurer eures eurem euren
dies diese dieser dieses diesem diesen jener jene jenes jenem jenen
welcher welche welches welchem welchen derselbe dieselbe dasselbe
alle aller alles allem allen jeder jede jedes jedem jeden manche mancher manches
einige einiger einiges einigen etwas nichts viel viele vieler vielen wenig wenige
mehr meisten andere anderer anderes anderem anderen beide beiden selbst selber

wer wen wem wessen was wo wohin woher wann wie warum weshalb wieso womit wofür worauf
worüber wodurch

und oder aber sondern denn doch sowie sowohl weder noch entweder als wie wenn ob dass
weil da damit obwohl obgleich während bevor nachdem sobald solange seit seitdem bis
falls indem ohne sofern außer

in im ins an am ans auf aufs aus bei beim mit nach von vom zu zum zur über überm unter
vor vorm hinter neben zwischen durch für fürs gegen um ums ab gegenüber entlang trotz
wegen statt innerhalb außerhalb oberhalb unterhalb

bin bist ist sind seid war warst waren wart gewesen wäre wären sei
habe hast hat haben habt hatte hattest hatten hattet gehabt hätte hätten
werde wirst wird werden werdet wurde wurden worden würde würden
kann kannst können könnt konnte konnten könnte könnten
muss musst müssen müsst musste mussten müsste müssten
soll sollst sollen sollt sollte sollten will willst wollen wollt wollte wollten
darf darfst dürfen dürft durfte durften mag magst mögen möchte möchten

nicht auch nur noch schon sehr so dann denn ja nein doch mal eben eigentlich etwa
immer nie oft hier dort da dahin daher darum deshalb deswegen also jetzt nun heute
bereits wieder ganz gar zwar zudem sonst überhaupt vielleicht wohl eher kaum fast
dabei dafür dagegen daran darauf daraus darin darüber davon davor dazu hierbei
hin her herum hinein heraus oben unten vorne hinten weiter zurück allein

's 'm 'n 'ne 'nen ’s ’m ’n ’ne ’nen
"""
STOP_WORDS: set[str] = set(_STOP_WORDS_TEXT.split())
