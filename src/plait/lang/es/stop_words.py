"""Spanish stop words: articles, pronouns, prepositions, conjunctions, auxiliaries, adverbs."""

_STOP_WORDS_TEXT = """
el la los las lo un una unos unas al del

yo tú él ella ello nosotros nosotras vosotros vosotras ellos ellas usted ustedes
me te se nos os le les mí ti sí conmigo contigo consigo

mi mis tu tus su sus nuestro nuestra nuestros nuestras vuestro vuestra vuestros vuestras
mío mía míos mías tuyo tuya tuyos tuyas suyo suya suyos suyas

este esta esto estos estas ese esa eso esos esas aquel aquella aquello aquellos aquellas

que qué quien quién quienes quiénes cual cuál cuales cuáles cuyo cuya cuyos cuyas
donde dónde cuando cuándo como cómo cuanto cuánto cuanta cuánta cuantos cuántos

y e o u ni pero sino aunque porque pues si mientras que sea tampoco también

a ante bajo con contra de desde durante en entre hacia hasta mediante para por según
sin sobre tras

ser soy eres es somos sois son era eras éramos erais eran fue fueron fui sido siendo
sería serían sea sean
estar estoy estás está estamos estáis están estaba estaban estuvo estado esté estén
haber he has ha hemos habéis han había habían hubo habido haya hayan habría habrían
hay tener tengo tiene tienen tenía tenido hacer hace hacen hizo hecho puede pueden
poder debe deben

no sí muy más menos ya aún todavía también siempre nunca jamás aquí allí allá ahí
así bien mal tan tanto tanta tantos tantas mucho mucha muchos muchas poco poca pocos
pocas todo toda todos todas otro otra otros otras mismo misma mismos mismas cada
algo alguien alguno alguna algunos algunas algún nada nadie ninguno ninguna ningún
varios varias solo sólo luego entonces después antes ahora hoy casi bastante demasiado
"""
STOP_WORDS: set[str] = set(_STOP_WORDS_TEXT.split())
