"""Spanish tokenizer exceptions: abbreviations that keep their full stop."""

from __future__ import annotations

from ..exception_builders import abbreviation_exceptions
from ..tokenizer_exceptions import BASE_EXCEPTIONS, ExceptionTable, merge_builtin_exc

# Abbreviation -> the word(s) it stands for (its NORM).
_ABBREVIATIONS: dict[str, str] = {
    "Sr.": "señor", "Sra.": "señora", "Srta.": "señorita", "Sres.": "señores",
    "Sras.": "señoras", "Dr.": "doctor", "Dra.": "doctora", "D.": "don", "Dña.": "doña",
    "Da.": "doña", "Ud.": "usted", "Uds.": "ustedes", "Vd.": "usted", "Vds.": "ustedes",
    "Lic.": "licenciado", "Ing.": "ingeniero", "Prof.": "profesor", "Excmo.": "excelentísimo",
    "Excma.": "excelentísima", "Ilmo.": "ilustrísimo", "Sto.": "santo", "Sta.": "santa",
    "etc.": "etcétera", "pág.": "página", "págs.": "páginas", "p.": "página",
    "núm.": "número", "nº.": "número", "n.º": "número", "art.": "artículo", "cap.": "capítulo",
    "vol.": "volumen", "ed.": "edición", "aprox.": "aproximadamente", "a.C.": "antes de Cristo",
    "d.C.": "después de Cristo", "EE.UU.": "Estados Unidos", "p.ej.": "por ejemplo",
    "ej.": "ejemplo", "Av.": "avenida", "Avda.": "avenida", "tel.": "teléfono",
    "S.A.": "sociedad anónima", "S.L.": "sociedad limitada", "Cía.": "compañía",
    "admón.": "administración", "dcha.": "derecha", "izq.": "izquierda", "izqda.": "izquierda",
    "máx.": "máximo", "mín.": "mínimo", "cf.": "confer",
    "ene.": "enero", "feb.": "febrero", "abr.": "abril", "jun.": "junio", "jul.": "julio",
    "ago.": "agosto", "sept.": "septiembre", "sep.": "septiembre", "oct.": "octubre",
    "nov.": "noviembre", "dic.": "diciembre", "c/": "calle", "s/n": "sin número",
}

TOKENIZER_EXCEPTIONS: ExceptionTable = merge_builtin_exc(
    BASE_EXCEPTIONS, abbreviation_exceptions(_ABBREVIATIONS)
)
