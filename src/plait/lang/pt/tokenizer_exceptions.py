"""Portuguese tokenizer exceptions: abbreviations that keep their full stop."""

from __future__ import annotations

from ..exception_builders import abbreviation_exceptions
from ..tokenizer_exceptions import BASE_EXCEPTIONS, ExceptionTable, merge_builtin_exc

# Abbreviation -> the word(s) it stands for (its NORM).
_ABBREVIATIONS: dict[str, str] = {
    "Sr.": "senhor", "Sra.": "senhora", "Srta.": "senhorita", "Srs.": "senhores",
    "Dr.": "doutor", "Dra.": "doutora", "D.": "dom", "Prof.": "professor",
    "Profa.": "professora", "Prof.ª": "professora", "Eng.": "engenheiro",
    "Exmo.": "excelentíssimo",
    "Exma.": "excelentíssima", "V.Exa.": "Vossa Excelência", "V.Ex.ª": "Vossa Excelência",
    "Sto.": "santo", "Sta.": "santa", "etc.": "et cetera", "pág.": "página", "págs.": "páginas",
    "p.": "página", "pp.": "páginas", "n.º": "número", "nº.": "número", "n.o": "número",
    "art.": "artigo", "cap.": "capítulo", "vol.": "volume", "ed.": "edição",
    "aprox.": "aproximadamente", "a.C.": "antes de Cristo", "d.C.": "depois de Cristo",
    "EUA.": "Estados Unidos", "S.A.": "sociedade anónima", "Lda.": "limitada",
    "Ltda.": "limitada", "Av.": "avenida", "R.": "rua", "tel.": "telefone",
    "obs.": "observação", "séc.": "século", "cf.": "confer", "ex.": "exemplo",
    "p.ex.": "por exemplo", "máx.": "máximo", "mín.": "mínimo", "c/": "com", "s/": "sem",
    "jan.": "janeiro", "fev.": "fevereiro", "abr.": "abril", "mai.": "maio", "jun.": "junho",
    "jul.": "julho", "ago.": "agosto", "set.": "setembro", "out.": "outubro",
    "nov.": "novembro", "dez.": "dezembro",
}

TOKENIZER_EXCEPTIONS: ExceptionTable = merge_builtin_exc(
    BASE_EXCEPTIONS, abbreviation_exceptions(_ABBREVIATIONS)
)
