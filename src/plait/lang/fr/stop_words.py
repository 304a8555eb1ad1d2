"""French stop words: articles, pronouns, prepositions, conjunctions, auxiliaries, adverbs."""

from .punctuation import INVERTED_PRONOUNS

_STOP_WORDS_TEXT = """
le la les l' un une des du de d' au aux

je j' tu il elle on nous vous ils elles me m' te t' se s' moi toi soi lui leur leurs
eux y en ce c' ça cela ceci celui celle ceux celles celui-ci celle-ci ceux-ci celles-ci
celui-là celle-là

mon ma mes ton ta tes son sa ses notre nos votre vos
mien mienne miens miennes tien tienne siens sienne siennes nôtre nôtres vôtre vôtres

qui que qu' quoi dont où lequel laquelle lesquels lesquelles duquel auxquels auxquelles
quel quelle quels quelles

et ou mais donc or ni car si comme quand lorsque lorsqu' puisque puisqu' quoique
parce afin ainsi alors cependant pourtant toutefois néanmoins sinon

à dans par pour sur sous avec sans chez vers entre contre depuis pendant avant après
devant derrière selon malgré parmi jusque jusqu' hors dès envers

être suis es est sommes êtes sont été étais était étions étiez étaient serai sera
serons seront serait seraient sois soit soyons soient fus fut furent
avoir ai as a avons avez ont eu avais avait avions aviez avaient aurai aura aurons
auront aurait auraient aie ait ayons aient eut eurent
fait faire peut peuvent pouvait doit doivent

ne n' pas plus moins non oui très trop peu bien mal aussi encore déjà toujours jamais
rien personne tout toute tous toutes autre autres même mêmes tel telle tels telles
chaque quelque quelques plusieurs certain certaine certains certaines aucun aucune
ici là voici voilà puis ensuite enfin beaucoup assez tant tellement surtout
seulement vraiment peut-être maintenant
"""
STOP_WORDS: set[str] = set(_STOP_WORDS_TEXT.split())

# Texts use the typographic apostrophe as often as the straight one.
STOP_WORDS |= {word.replace("'", "’") for word in STOP_WORDS if "'" in word}

# Pronouns split off after a verb: "dit-il", "a-t-elle", "est-ce".
STOP_WORDS |= {"-" + word for word in INVERTED_PRONOUNS}
STOP_WORDS |= {"-t-il", "-t-elle", "-t-on", "-t-ils", "-t-elles"}
