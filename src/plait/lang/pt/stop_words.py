"""Portuguese stop words: articles, contractions, pronouns, auxiliaries, adverbs (PT and BR)."""

_STOP_WORDS_TEXT = """
o a os as um uma uns umas

de do da dos das em no na nos nas ao aos à às pelo pela pelos pelas por para
num numa nuns numas dum duma dele dela deles delas nele nela neles nelas
deste desta destes destas disto desse dessa desses dessas disso daquele daquela
daqueles daquelas daquilo neste nesta nisto nesse nessa nisso naquele naquela naquilo
com sem sob sobre entre contra desde até após ante perante durante segundo conforme

eu tu ele ela nós vós eles elas você vocês me te se lhe lhes nos vos mim ti si
comigo contigo consigo connosco conosco convosco lo la no na

meu minha meus minhas teu tua teus tuas seu sua seus suas nosso nossa nossos nossas
vosso vossa vossos vossas

este esta estes estas isto esse essa esses essas isso aquele aquela aqueles aquelas
aquilo

que quê quem qual quais cujo cuja cujos cujas onde quando como quanto quanta quantos
quantas porque porquê

e ou mas nem porém contudo todavia pois portanto logo se caso embora enquanto
conquanto senão também

ser sou és é somos sois são era eras éramos eram foi fui foram fosse fossem sido
sendo será serão seria seriam seja sejam
estar estou estás está estamos estão estava estavam esteve estiveram estado esteja
ter tenho tens tem temos têm tinha tinham teve tiveram tido tenha tenham terá teria
haver há havia houve haja hão fazer faz fazem fez feito pode podem deve devem

não sim muito muita muitos muitas pouco pouca poucos poucas mais menos tão tanto tanta
tantos tantas todo toda todos todas tudo outro outra outros outras mesmo mesma mesmos
mesmas cada algum alguma alguns algumas alguém algo nenhum nenhuma ninguém nada
já ainda sempre nunca jamais aqui aí ali lá cá agora hoje depois antes então assim
bem mal só apenas quase talvez
"""
STOP_WORDS: set[str] = set(_STOP_WORDS_TEXT.split())

_CLITICS_TEXT = """
me te se nos vos lhe lhes o a os as lo la los las no na nas mo ma mos mas to ta tos tas
lho lha lhos lhas
"""

# Clitic pronouns split off a verb: "deu-me", "disse-lhe", "dá-lo".
STOP_WORDS |= {"-" + word for word in _CLITICS_TEXT.split()}
