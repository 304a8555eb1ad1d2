"""Every error and warning plait raises, each with a code.

Messages live in `Errors` and `Warnings` as templates; reading an attribute returns the
message prefixed with its code, e.g. ``Errors.E001`` -> ``"[E001] ..."``. Raise them as
``raise FormatError(Errors.E041.format(path=path))``.

Exceptions form a small tree so that users can catch by kind: every plait exception is a
`PlaitError`, and each family also subclasses the built-in exception that Python users
would expect (`ValueError`, `KeyError`, `TypeError`, `AttributeError`), so code written for
spaCy that catches `ValueError` keeps working.

Code ranges, by area (so that parallel work does not collide):
E001-E049 strings, vocab, lexemes, attributes;  E050-E099 Doc, Token, Span, extensions;
E100-E149 tokenizer and language data;          E150-E249 Language, registries, config;
E250-E349 plait.persist;                        E350-E449 serialization, DocBin;
E450-E549 components, matchers;                 E550-E649 training; E650-E749 CLI, packages;
E750-E799 parallel.
"""

from __future__ import annotations

import warnings


class _CodedMessages(type):
    """Metaclass: class attributes named like codes read as "[CODE] message"."""

    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith(("E", "W")) and code[1:].isdigit():
            return f"[{code}] {msg}"
        return msg


# ---------------------------------------------------------------------------------------
# Exception tree
# ---------------------------------------------------------------------------------------


class PlaitError(Exception):
    """Base class of every exception plait raises."""


class InputError(PlaitError, ValueError):
    """A value passed to plait is invalid (wrong length, out of range, bad span...)."""


class InputTypeError(PlaitError, TypeError):
    """A value passed to plait has the wrong type."""


class LookupFailed(PlaitError, KeyError):
    """A string, hash, lexeme, factory or component was not found."""

    def __str__(self) -> str:  # KeyError quotes its message; keep it readable
        return str(self.args[0]) if self.args else ""


class OutOfRange(PlaitError, IndexError):
    """An index or a range is outside a Doc, Span or other sequence."""


class ExtensionError(PlaitError, AttributeError):
    """An extension attribute (`._.name`) is missing, already set, or misused."""


class ConfigError(PlaitError, ValueError):
    """A config is invalid: unknown section, bad value, failed validation."""


class PipelineError(PlaitError, ValueError):
    """A pipeline operation failed: unknown component, bad position, component error."""


class FormatError(PlaitError, ValueError):
    """Saved data is damaged, truncated, of an unknown version, or not plait's."""


class SerializationError(PlaitError, ValueError):
    """An object cannot be written: an unsupported value or type."""


class CompatibilityError(PlaitError, ValueError):
    """Saved data needs another plait version, or a package that is not installed."""


class NotFound(PlaitError, OSError):
    """A pipeline (a path or an installed package) to load was not found."""


class PlaitWarning(UserWarning):
    """Base class of every warning plait emits."""


def warn(message: str, category: type[Warning] = PlaitWarning, stacklevel: int = 2) -> None:
    """Emit a plait warning (`message` should be a `Warnings.W0xx` text)."""
    warnings.warn(message, category, stacklevel=stacklevel + 1)


# ---------------------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------------------


class Warnings(metaclass=_CodedMessages):
    # --- W080-W089 CLI, packages ---
    W080 = (
        "Skipping {path}: {reason}. plait apply reads .txt (one doc per file), .jsonl (one "
        "doc per line) and DocBin (.plait, .spacy) files."
    )
    W081 = (
        "The factory {factory!r} (component {name!r}) is defined in {module!r}, which no "
        "installed distribution provides and no --code file defines: the package will only "
        "load where that module is importable. Ship it with --code {module}.py."
    )
    # --- W001-W009 strings, vocab ---
    W001 = "Vector width changed from {old} to {new}: the vectors table was reset."
    # --- W010-W019 Doc, Token, Span, extensions ---
    W010 = (
        "similarity() of {obj} and {other}: {which} has no vector, so the result is 0.0. "
        "Load a pipeline with word vectors, or set vectors with vocab.set_vector()."
    )
    # --- W020-W029 tokenizer and language data ---
    # --- W030-W049 Language, registries, config ---
    W030 = (
        "Component {name!r} requires {attrs}, but no earlier component in the pipeline "
        "assigns it: add a component that sets it before {name!r}."
    )
    W031 = (
        "Sourced component {name!r} may not work as expected: the source pipeline's vectors "
        "differ from this pipeline's. Use the same vectors in both."
    )
    # --- W050-W059 plait.persist ---
    W050 = (
        "mmap_mode={mode!r} is ignored for {what}: only an uncompressed file given by its path "
        "can be memory-mapped. The arrays were read into memory."
    )
    # --- W060-W069 components, displacy ---
    W060 = (
        "The rule-based lemmatizer got a token without a part-of-speech tag ({text!r}): its "
        "lemma is the lowercased text. Add a tagger or an attribute_ruler that sets POS "
        "before the lemmatizer, or use mode='lookup'."
    )
    W061 = (
        "doc_cleaner could not reset {attr!r} on a Doc: {reason}. Check the attribute name, "
        "or pass silent=True to skip attributes that are absent."
    )
    W062 = (
        "No {what} to show for a doc given to displacy (style {style!r}): {hint}."
    )
    W063 = (
        "The {name!r} component has no patterns, so it does nothing: add patterns with "
        "add_patterns() or initialize it with a patterns file."
    )
    # --- W070-W079 serialization, loading ---
    W070 = (
        "The pipeline at {path} was saved for plait {range}, and this is plait {version}: it "
        "loads, but may behave differently. Save it again with this version, or install a "
        "plait version in that range."
    )
    W071 = (
        "The pipeline at {path} has no checksums in its meta.json (it was not saved by "
        "plait's nlp.to_disk), so damaged files cannot be detected. Save it again with "
        "nlp.to_disk to add them."
    )
    # --- W090-W099 parallel processing, Dask ---
    W090 = (
        "The {obj} extension {name!r} cannot be sent to worker processes started with "
        "{method!r} ({reason}), so workers do not have it. Define its getter, setter, method "
        "or default at the top level of an importable module, or use the 'fork' start method."
    )
    # --- W100-W109 training ---
    W100 = (
        "The training data has no {what} annotations for the component {name!r}, so it "
        "learns nothing from them. Check the corpus, or remove {name!r} from the pipeline."
    )
    W101 = (
        "Skipping an example whose reference doc is empty (text {text!r}): it has nothing to "
        "learn from."
    )
    W102 = (
        "{n} of {total} entities could not be aligned to the predicted tokenization and are "
        "treated as missing: {examples}."
    )
    W103 = (
        "The component {name!r} is frozen but has a listener on a trained tok2vec: its "
        "predictions may change. Give it its own copy with nlp.replace_listeners()."
    )
    # --- W110-W119 parser, ner, transition systems ---
    W110 = (
        "{n} of {total} reference entities of a batch for {name!r} do not align with the "
        "predicted tokens and are treated as missing (e.g. {example!r}). Tokenize the "
        "reference like the pipeline's tokenizer, or fix the entity offsets."
    )


class Errors(metaclass=_CodedMessages):
    # --- CLI, pipeline packages (E650-E749) ---
    E650 = (
        "Invalid pipeline package name {name!r}: {reason}. A package is named "
        "{{lang}}_{{name}}, where the name uses lowercase letters, digits and underscores "
        "and starts with a letter (e.g. --name core_news_sm)."
    )
    E651 = (
        "Invalid package version {version!r}: use numbers separated by dots, optionally "
        "followed by a pre-release or post-release tag (1.0.0, 2.1, 1.0.0a1, 1.0.0.post1)."
    )
    E652 = (
        "Cannot package {path}: it is not a saved pipeline (no {missing}). Pass the "
        "directory written by nlp.to_disk(), which holds config.cfg and meta.json."
    )
    E653 = (
        "The output directory {path} does not exist: create it first (plait package writes "
        "the package folder inside it)."
    )
    E654 = (
        "{path} already exists: pass --force to replace it, or choose another output "
        "directory or --version."
    )
    E655 = (
        "Cannot read the meta file {path}: {reason}. Pass a JSON file holding an object of "
        "meta fields (name, version, description, ...)."
    )
    E656 = (
        "Cannot import the code file {path}: {error}. --code takes Python files (.py) that "
        "register your components, separated by commas."
    )
    E657 = (
        "Unknown --build value {value!r}: use sdist, wheel, 'sdist,wheel', or none."
    )
    E658 = (
        "The meta of {source} has no valid {field!r} (got {value!r}): set it in meta.json, in "
        "--meta-path, or with --{field}."
    )
    E659 = (
        "No installed pipeline package named {name!r}. Install it (pip install {name}) or "
        "pass the path of a saved pipeline. Installed pipeline packages: {installed}."
    )
    E660 = (
        "The installed package {name!r} is not a plait pipeline package: {reason}. A pipeline "
        "package made by `plait package` has a load() function and a meta.json."
    )
    E661 = (
        "The pipeline package at {path} has no data directory {data_dir!r}: the package is "
        "damaged or was not made by `plait package`. Install it again."
    )
    E662 = (
        "The pipeline {name!r} (version {package_version}) needs plait {range}, but the "
        "running plait is {version}. Install a version of {name!r} made for plait "
        "{version}, or install a plait in that range (pip install \"plait{range}\")."
    )
    E663 = (
        "Invalid version range {range!r} in {source}: write comma-separated specifiers "
        "such as '>=0.1.0,<0.2.0' (operators ==, !=, >=, <=, >, <, ~=)."
    )
    E664 = (
        "Invalid config override {arg!r}: {reason}. Write overrides as --section.key value "
        "or --section.key=value (e.g. --paths.train ./train.plait --nlp.batch_size 128)."
    )
    E665 = (
        "Unknown converter {name!r}. Use one of: {options}, or 'auto' to pick one by file "
        "extension."
    )
    E666 = (
        "Cannot pick a converter for {path}: the extension {ext!r} is not one of {options}. "
        "Pass --converter."
    )
    E667 = (
        "Line {line} of {path} is not valid {format}: {reason}."
    )
    E668 = "The input path {path} does not exist. Check the path."
    E669 = (
        "No input files found in {path}: expected files ending in {exts}."
    )
    E670 = "--{option} must be a positive integer; got {value!r}."
    E671 = (
        "{path} already exists: pass --force to overwrite it, or choose another output path."
    )
    E672 = (
        "Cannot build the {kind} of {name}: {error}. Check that the package directory is "
        "complete and writable."
    )
    E673 = (
        "The pipeline uses the factory {factory!r} (component {name!r}), which is not "
        "registered: pass the file that defines it with --code, or install the package "
        "that provides it."
    )
    E674 = (
        "Cannot read the project {path}: {reason}. The project needs a pyproject.toml with "
        "[project] name and version."
    )
    E675 = (
        "Cannot list languages for `init config`: {lang!r} is not a language. Use one of: "
        "{options}."
    )
    E676 = (
        "{path} has {problems} checksum problem(s): {details}. Save the pipeline again or "
        "restore a good copy."
    )
    # E677-E699: `plait demo` and the shipped en_plait_sm pipeline
    E677 = (
        "`plait demo` got {what}: give one text (an argument, '-' for stdin) or --file PATH, "
        "or nothing for the sample."
    )
    E678 = (
        "`plait demo` cannot use {path}: {error}. Check that the path exists, is readable "
        "UTF-8 text (for --file) or a writable folder (for --out)."
    )

    # --- strings, vocab, lexemes, attributes (E001-E049) ---
    E001 = (
        "StringStore keys must be str (to add or look up a string) or int (a 64-bit hash); "
        "got {type}. Convert the value with str() or pass its hash."
    )
    E002 = (
        "Hash {key} is not in the StringStore: the string was never added. Add it with "
        "`vocab.strings.add(text)` or use the StringStore the hash came from."
    )
    E003 = (
        "Unknown attribute {name!r}. Use one of the names in plait.attrs (e.g. ORTH, LOWER, "
        "TAG, POS, DEP, ENT_TYPE) or their integer IDs."
    )
    E004 = (
        "Vector for {key!r} has shape {shape}, but the vectors table has width {width}. "
        "Pass a 1-dimensional array of length {width}."
    )
    E005 = (
        "Cannot read StringStore data: {reason}. The data is damaged or was not written by "
        "plait's StringStore.to_bytes; save it again."
    )
    E006 = (
        "Cannot read Vocab data from {path}: {reason}. The data is damaged or was not "
        "written by plait's Vocab.to_bytes/to_disk; save it again."
    )
    E007 = "Unknown part(s) {names} in exclude=. This object has the parts: {parts}."
    E008 = "Path {path} does not exist. Check the path, or save the object there first."
    E009 = (
        "A tok2vec model has include_static_vectors=True, but the vocab has no vectors "
        "(table shape {shape}). Add vectors first (`plait init vectors LANG FILE DIR`, then "
        "[initialize] vectors = \"DIR\"), or set include_static_vectors = false."
    )
    E010 = (
        "Cannot read the vectors table {path}: {reason}. The file is not a vectors table "
        "written by plait's Vectors.to_disk (or it is damaged); save it again."
    )
    E011 = (
        "The vocab's vectors have width {got}, but this tok2vec was trained with vectors of "
        "width {expected}. Use the vectors the pipeline was trained with."
    )

    # --- Doc, Token, Span, extensions, retokenizer (E050-E099) ---
    E050 = (
        "Doc got {n_words} words but {n_spaces} spaces: pass one whitespace flag per word "
        "(True when a space follows it), or leave spaces=None for a space after every word."
    )
    E051 = "Doc got spaces= without words=: pass the words the whitespace flags belong to."
    E052 = (
        "Word {i} of the Doc is a {type}, not a str (or a string hash): got {value!r}. "
        "Pass words as str."
    )
    E053 = (
        "Doc got {n} values for {name}= but {n_words} words: pass exactly one value per word "
        "(None or '' for a missing one)."
    )
    E054 = (
        "Doc got heads= without deps=: a dependency parse needs both. Pass deps= too (one "
        "label per word; '' when unknown)."
    )
    E055 = (
        "Head {head!r} of token {i} is not a token of this doc (length {n}): heads are "
        "absolute token indices from 0 to {last}; a root is its own head."
    )
    E056 = (
        "Entity tag {tag!r} of token {i} is not an IOB tag: use 'B-LABEL', 'I-LABEL', 'O', "
        "or '' / None for missing."
    )
    E057 = (
        "{value!r} is not a Universal Dependencies part-of-speech tag. Use one of {options}; "
        "put language-specific tags in `tag_` instead."
    )
    E058 = (
        "Slices with a step are not supported on a {obj} (got step {step}): take "
        "list(doc)[start:stop:step] instead."
    )
    E059 = "Token index {i} is out of range for a {obj} of length {n}."
    E060 = (
        "Cannot create a span from {start} to {end} in a Doc of length {n}: need "
        "0 <= start <= end <= {n}."
    )
    E061 = (
        "Entity spans overlap at token {i} ({text!r}): each token can be in at most one "
        "entity (or blocked/missing/outside span). Resolve overlaps first, e.g. with "
        "plait.util.filter_spans."
    )
    E062 = (
        "Entities must be Span objects or (label, start, end) tuples with token indices; "
        "got {value!r}."
    )
    E063 = "set_ents(default=) must be one of {options}; got {value!r}."
    E064 = (
        "The doc has no sentence boundaries: run a pipeline with a parser, senter or "
        "sentencizer first, set token.is_sent_start, or pass sent_starts= to Doc."
    )
    E065 = (
        "noun_chunks needs a dependency parse, and this doc has none (no DEP annotation): "
        "run a pipeline with a parser first."
    )
    E066 = (
        "noun_chunks is not available for language {lang!r}: the language provides no "
        "noun-chunk iterator (vocab.get_noun_chunks is None)."
    )
    E067 = "alignment_mode must be one of {options}; got {value!r}."
    E068 = (
        "from_array got {n_attrs} attribute(s) but an array of shape {shape}: pass an array "
        "with one row per token ({n_tokens}) and one column per attribute."
    )
    E069 = (
        "Invalid value {value} for {attr} at token {i} in from_array: {reason}."
    )
    E070 = (
        "Extension {name!r} is already registered on {obj}. Pass force=True to overwrite it, "
        "or call {obj}.remove_extension({name!r}) first."
    )
    E071 = (
        "Extension {name!r} on {obj} needs exactly one of default=, getter= or method= "
        "(got {given}). Use default= for a stored value, getter= for a computed property, "
        "method= for a function."
    )
    E072 = (
        "Extension {name!r} on {obj}: setter= works only together with getter= (a stored "
        "value given with default= is set directly)."
    )
    E073 = (
        "{obj} has no extension attribute {name!r}. Register it first: "
        "{obj}.set_extension({name!r}, default=None)."
    )
    E074 = (
        "Extension {name!r} on {obj} is read-only: it has a getter but no setter. Register it "
        "with setter= to allow assignment."
    )
    E075 = (
        "{obj} objects cannot be pickled: they are views into a Doc. Pickle the Doc, or "
        "make a standalone Doc with span.as_doc() (doc[i:i+1].as_doc() for a token)."
    )
    E076 = (
        "Cannot read Doc data: {reason}. The data is damaged or was not written by "
        "plait's Doc.to_bytes/to_disk; save it again."
    )
    E077 = (
        "Cannot serialize the Doc's {key}: {type}. Keep only str, int, float, bool, None and "
        "lists/dicts of them in doc.cats and span attributes, or exclude 'cats'/'spans'."
    )
    E078 = (
        "Invalid morphological analysis {value!r}: write it as 'Feat=Value|Feat2=Value2' "
        "(or a dict {{'Feat': 'Value'}}); got a bad feature {feature!r}."
    )
    E079 = (
        "Cannot merge {span!r} (tokens {start}-{end}): it overlaps another span already "
        "queued for merging in this retokenize() block. Merge non-overlapping spans only."
    )
    E080 = (
        "Cannot split token {i} {text!r} into {orths!r}: the pieces must join to the token's "
        "text exactly."
    )
    E081 = (
        "Cannot split token {i}: got {n_orths} pieces but {n} {what}. Pass one value per "
        "new token."
    )
    E082 = (
        "Cannot retokenize with {obj} from another Doc (or an empty span): pass spans and "
        "tokens of the doc being retokenized."
    )
    E083 = (
        "token.nbor({offset}) of token {i} is outside the doc (length {n}): check "
        "token.i + offset first."
    )
    E084 = "is_sent_start must be True, False or None; got {value!r}."
    E085 = (
        "Cannot set the head of token {i} to a token of another Doc: heads must be tokens of "
        "the same doc."
    )
    E086 = (
        "Doc.from_docs needs a non-empty list of Docs sharing one Vocab; {reason}."
    )
    E087 = (
        "Cannot serialize a Doc with user hooks ({hooks}): hooks are code and are never "
        "saved. Clear doc.user_hooks / user_span_hooks / user_token_hooks first, and set "
        "them again after loading."
    )
    E088 = (
        "Cannot use {value!r} in a SpanGroup of this doc: a SpanGroup holds Span objects of "
        "the doc it belongs to."
    )
    E089 = (
        "Extension name {name!r} is not a valid name: use a non-empty str that is a "
        "Python identifier and does not start with '_'."
    )
    E090 = (
        "{what} must be {expected}; got {type}."
    )
    E091 = (
        "Cannot split token {i}: head {head!r} for new token {j} must be an int (index into "
        "the new pieces), a (token, subtoken) tuple, or a Token of the doc."
    )
    E092 = (
        "Token {i} is inside a span merged in this retokenize() block; split it in a "
        "separate block (before or after the merge)."
    )

    # --- tokenizer and language data (E100-E149) ---
    E100 = (
        "Special case {string!r} must be a list of token dicts like [{{ORTH: 'do'}}, "
        "{{ORTH: \"n't\", NORM: 'not'}}]; got {type}."
    )
    E101 = (
        "Token {index} of special case {string!r} has no ORTH: {token}. Every token dict "
        "needs ORTH, the token's text."
    )
    E102 = (
        "Token {index} of special case {string!r} has a non-string value for {key!r}: "
        "{value!r}. Special cases may set ORTH and NORM, both as str."
    )
    E103 = (
        "The ORTH values of special case {string!r} spell {orths}, not the string itself: "
        "the tokens' texts must concatenate exactly to the special case string."
    )
    E104 = "A special case string must be a str; got {type}."
    E105 = (
        "Tokenizer exceptions must be a dict of string -> list of token dicts; got {type}."
    )
    E106 = (
        "Token {index} of special case {string!r} sets {key!r}: special cases may only set "
        "ORTH and NORM (the tokenizer knows nothing else). Set other attributes with a "
        "pipeline component, e.g. the attribute_ruler."
    )
    E107 = (
        "Tokenizer setting {name} must be {expected}; got {type}. Pass a compiled regex's "
        "bound method (e.g. compile_prefix_regex(prefixes).search) or None."
    )
    E108 = "Tokenizer input must be a str; got {type}. Decode bytes with .decode('utf8')."
    E109 = (
        "Cannot read tokenizer data: {reason}. The data is damaged or was not written by "
        "plait's Tokenizer.to_bytes/to_disk; save it again."
    )
    E110 = (
        "Cannot restore tokenizer setting {name} from saved data: pattern {pattern!r} does "
        "not compile ({reason}). Save the tokenizer again with a valid pattern."
    )
    E111 = (
        "Tokenizer setting {name} is a plain function ({func}) with no regex pattern, so it "
        "cannot be saved. Use a compiled regex's method (re.compile(...).match), or pass "
        "exclude=[{name!r}] and set it again after loading."
    )
    E112 = (
        "noun_chunks needs a dependency parse, but the doc has no DEP annotation: run a "
        "pipeline with a parser first (e.g. plait.load('en_core_web_sm')), or set heads and "
        "deps when creating the Doc."
    )

    # --- Language, registries, config (E150-E249) ---
    E150 = (
        "Cannot find {name!r} in registry.{registry}. Register it with "
        "@plait.registry.{registry}({name!r}), import the module that registers it, or "
        "install the package that provides it through the entry-point group {group!r}. "
        "Available: {available}."
    )
    E151 = "A registry named {name!r} already exists; pick another name."
    E152 = "Unknown registry {name!r}. Registries: {available}."
    E153 = "Cannot parse the config from {source}: {reason}. Fix the config text."
    E154 = "Config file {path} does not exist. Check the path (a pipeline has config.cfg)."
    E155 = "Cannot read config file {path}: {reason}."
    E156 = "Cannot copy the config: {reason}. A config may only hold JSON-like values."
    E157 = (
        "Invalid config in {section}: {problems}. Fix these values in the config (or the "
        "config= you passed)."
    )
    E158 = "nlp.meta must be a dict; got {type}."
    E159 = "nlp.meta[{key!r}] must be of type {expected}; got {value!r}."
    E160 = "nlp.meta must be JSON-serializable: {reason}."
    E161 = (
        "Bad value {value!r} in assigns= or requires=: write 'doc.ATTR', 'token.ATTR', "
        "'span.ATTR' or an extension like 'token._.NAME'."
    )
    E162 = (
        "Component {name!r} failed: {type}: {error}. Fix the component or its input, or set "
        "nlp.set_error_handler(...) to handle failures."
    )
    E163 = "vocab must be a plait Vocab or True (to create one); got {type}."
    E164 = "@Language.{decorator}(name) needs the factory name as a string; got {type}."
    E165 = "default_config of factory {name!r} must be a dict; got {type}."
    E166 = (
        "Factory {name!r} must take the arguments `nlp` and `name` (it is called as "
        "factory(nlp, name, **config)). For a plain Doc -> Doc function use "
        "@Language.component."
    )
    E167 = (
        "@Language.component({name!r}) takes a Doc -> Doc function, not a class. Register "
        "a class with @Language.factory({name!r}) and give its __init__ `nlp` and `name`."
    )
    E168 = "No component {name!r} in the pipeline. Components: {opts}."
    E169 = (
        "add_pipe takes the name of a registered factory (a string); got {value}. Register "
        "the function with @Language.component('name') or @Language.factory('name') and "
        "pass that name."
    )
    E170 = "A component named {name!r} is already in the pipeline ({opts}): pass another name=."
    E171 = "Set only one of before, after, first and last; got {args}."
    E172 = "Position {index} is out of range for a pipeline of {size} components."
    E173 = "before= and after= take a component name or an index; got {type}."
    E174 = "select_pipes needs disable= or enable= (names of components)."
    E175 = (
        "enable={enable} and disable={disable} contradict each other: every component not "
        "enabled is disabled. Pass only one of them, or make them agree."
    )
    E176 = "The pipeline takes text as str (or a Doc, or Doc bytes); got {type}."
    E177 = (
        "Text of length {length} exceeds nlp.max_length ({max_length}). Split the text, or "
        "raise nlp.max_length if you have the memory."
    )
    E178 = "Component {name!r} is not callable (it is a {type}); a component must be Doc -> Doc."
    E179 = "The error handler must be callable as handler(name, component, docs, error); got {type}."
    E180 = "batch_size must be a positive int; got {value!r}."
    E181 = "n_process must be a positive int, or -1 for one process per CPU; got {value!r}."
    E182 = "With as_tuples=True, each item must be a (text, context) tuple; got {value}."
    E183 = "Cannot restore {name!r}: it was removed from the pipeline while disabled."
    E184 = (
        "Component {name!r} returned a {type}, not a Doc. A component must return the Doc "
        "it was given (or a new one)."
    )
    E185 = (
        "Unknown factory {name!r} for language {lang!r}. Register it with "
        "@Language.factory({name!r}) or @Language.component({name!r}), import the module "
        "that registers it, or install the package that provides it through the "
        "'plait_factories' entry-point group. Available factories: {opts}."
    )
    E186 = "A language code must be a non-empty string such as 'en'; got {value!r}."
    E187 = (
        "Unknown language {lang!r}. Use a code plait ships ({available}), register a Language "
        "subclass with @plait.registry.languages({lang!r}), or install a package that provides "
        "it through the 'plait_languages' entry-point group."
    )
    E188 = "plait.lang.{lang} defines no Language subclass with lang = {lang!r}."
    E189 = "Unknown setting {section} {key!r}. Known settings: {known}."
    E190 = "Invalid value for {section} {key!r}: expected {expected}, got {value!r}."
    E191 = "Missing required setting {section} {key!r}: add it to the config."
    E192 = "The config of component {name!r} must be a dict; got {type}."
    E193 = (
        "The config of component {name!r} must hold only JSON-like values (str, int, float, "
        "bool, None, lists and dicts): {reason}."
    )
    E194 = "source= must be a plait Language (a loaded pipeline); got {type}."
    E195 = "The source pipeline has no component {name!r}. Its components: {opts}."
    E196 = (
        "Cannot load the source pipeline {source!r}: it is neither a saved pipeline directory "
        "nor an installed package with a load() function."
    )
    E197 = "The config has no [nlp] section (sections: {sections}); add one with at least lang."
    E198 = (
        "The config's [nlp] lang is {given!r}, but the class {cls} has lang {lang!r}. Use "
        "plait.util.get_lang_class({given!r}).from_config(config), or fix [nlp] lang."
    )
    E199 = "[nlp] before_creation must return a subclass of the Language class; got {value!r}."
    E200 = "[nlp] {name} must return a Language object; got {type}."
    E201 = (
        "[nlp] pipeline names {name!r}, but the config has no [components.{name}] section "
        "(it has: {opts}). Add the section or remove the name."
    )
    E202 = "[components.{name}] needs either factory = or source =."
    E203 = "Cannot read the pipeline's {part}: {reason}. The data is damaged; save it again."

    # --- plait.persist (E250-E349) ---
    E250 = (
        "Cannot persist {type} at {path}: plait.persist stores None, bool, int, float, "
        "complex, str, bytes, bytearray, list, tuple, dict, set, frozenset, numpy arrays and "
        "scalars, datetime/date/time/timedelta, Decimal, pathlib paths and registered classes. "
        "Register the class with plait.persist.register(cls, to_state, from_state) or convert "
        "the value (it is never pickled)."
    )
    E251 = (
        "Cannot persist the numpy array at {path}: its dtype {dtype} holds Python objects. "
        "Convert it to a fixed-size dtype (e.g. arr.astype(str) or a list)."
    )
    E252 = (
        "Cannot persist the value at {path}: it is nested more than {limit} levels deep. "
        "Flatten the structure."
    )
    E253 = (
        "Cannot persist the {type} at {path}: it contains a reference to itself, and a {type} "
        "is rebuilt only after its items. Break the cycle through a list or dict instead."
    )
    E254 = (
        "compress={value!r} is not valid. Use True (zlib, level 3), a level 0-9, a method "
        "name ({methods}), or a (method, level) tuple."
    )
    E255 = "Unknown compression method {name!r}. Use one of: {methods}, or register_compressor()."
    E256 = (
        "Compression method {name!r} needs the package {package!r}, which is not installed. "
        "Install it with `pip install {package}`."
    )
    E257 = "mmap_mode={value!r} is not valid. Use None, 'r', 'r+' or 'c'."
    E258 = (
        "{role} must be a path (str or pathlib.Path) or a binary file object with "
        "{method}(); got {type}."
    )
    E259 = "Cannot register {what}: {reason}."
    E260 = "Cannot register compressor {name!r}: {reason}."
    E261 = (
        "{source} is not a plait.persist file: it starts with {head}. plait never loads "
        "pickle or joblib files (they can run code); load it with the tool that wrote it, "
        "then dump it with plait.persist.dump."
    )
    E262 = (
        "{source} was written with plait.persist format version {found}, but this plait reads "
        "up to version {supported}. Upgrade plait to load it."
    )
    E263 = (
        "{source} has an invalid header field {field} ({value}): {reason}. The file is "
        "damaged or was not written by plait.persist; dump it again."
    )
    E264 = (
        "{source} is truncated: {what} needs {expected} bytes but only {got} are there. The "
        "file was cut short (an interrupted copy or download?); dump or copy it again."
    )
    E265 = (
        "{source} is damaged: the header checksum does not match (stored {stored:#010x}, "
        "computed {computed:#010x}). Dump it again or restore a good copy."
    )
    E266 = (
        "{source} is damaged: the array data checksum does not match (stored {stored:#010x}, "
        "computed {computed:#010x}). Dump it again or restore a good copy."
    )
    E267 = (
        "{source} has an invalid structure at {path}: {reason}. The file is damaged or was "
        "not written by plait.persist; dump it again."
    )
    E268 = (
        "{source} has an invalid array entry at {path}: {reason}. The file is damaged or was "
        "not written by plait.persist; dump it again."
    )
    E269 = (
        "{source} has an invalid or unsupported dtype at {path}: {dtype!r} ({reason}). Only "
        "fixed-size numpy dtypes are stored."
    )
    E270 = (
        "{source} holds an instance of {name!r} at {path}, a class that is neither registered "
        "nor trusted. If you trust this file, pass trusted=[{name!r}] (or the class) to load, "
        "or call plait.persist.register(cls) before loading."
    )
    E271 = (
        "Trusted class {name!r} (at {path}) could not be found: {reason}. Check the name "
        "(\"module:QualName\") and that its package is installed."
    )
    E272 = (
        "Rebuilding the {name!r} object at {path} failed: {error}. The class's from_state "
        "does not accept the saved state; was the file written by another version of it?"
    )
    E273 = (
        "{source} is damaged: the {method} stream cannot be decompressed ({error}). Dump it "
        "again or restore a good copy."
    )
    E274 = (
        "{source} declares {what} of {value} bytes, beyond the limit of {limit}. The file is "
        "damaged or hostile; it was not loaded."
    )
    E275 = (
        "{source} is nested more than {limit} levels deep at {path}: the file is damaged or "
        "hostile; it was not loaded."
    )
    E276 = (
        "The to_state of {name!r} (at {path}) failed: {error}. Fix the function registered "
        "with plait.persist.register."
    )
    E277 = (
        "trusted= takes classes or \"module:QualName\" strings; got {value!r} ({type})."
    )
    E278 = (
        "{source} holds a {name} at {path}, which this plait cannot rebuild yet: {reason}."
    )
    E279 = "Cannot memory-map {source}: {error}."
    E280 = "Cannot {action} {path}: {error}."

    # --- serialization of pipelines and docs, DocBin (E350-E449) ---
    E350 = (
        "{source} is not valid DocBin data: {reason}. The data is damaged or was not "
        "written by plait's DocBin; write it again or restore a good copy."
    )
    E351 = (
        "{source} was written with DocBin format version {found}, but this plait reads up to "
        "version {supported}. Upgrade plait to read it."
    )
    E352 = (
        "{source} is not a plait DocBin: it starts with {head}. {hint}"
    )
    E353 = (
        "{source} is truncated: {what} needs {expected} bytes but only {got} are there. The "
        "data was cut short (an interrupted write, copy or download?); write it again."
    )
    E354 = (
        "{source} is damaged: the checksum of {what} does not match (stored {stored:#010x}, "
        "computed {computed:#010x}). Write it again or restore a good copy."
    )
    E355 = "Unknown DocBin compression {value!r}. Use one of: {options}."
    E356 = (
        "DocBin compression {method!r} needs the package {package!r}, which is not installed. "
        "Install it with `pip install {package}`, or pick another compression ({options})."
    )
    E357 = (
        "Cannot store user data {key!r}: its value is a {type}, which DocBin and "
        "Doc.to_bytes cannot save. Store str, int, float, bool, None, bytes, lists, tuples "
        "and dicts of them, numpy arrays, Spans and Tokens of the same doc, or a class "
        "registered with plait.persist.register; or pass store_user_data=False."
    )
    E358 = "DocBin.add takes a plait Doc; got {type}."
    E359 = (
        "Cannot merge DocBins with different {what} ({mine} vs {theirs}): create both with "
        "the same attrs= and store_user_data=."
    )
    E360 = (
        "DocBin cannot store attribute {name!r}: it is computed from the vocab (lexical) or "
        "is not a token annotation. Use any of: {options}."
    )
    E361 = "Doc index {i} is out of range for a DocBin of {n} docs."
    E362 = (
        "Cannot read spaCy DocBin data from {source}: {reason}. The data is damaged or is "
        "not a spaCy .spacy file."
    )
    E363 = (
        "The DocBin writer for {path} is closed: create a new DocBinWriter (or use it in a "
        "`with` block and add docs inside the block)."
    )
    E364 = (
        "{source} declares {what} of {value} bytes, beyond the limit of {limit}. The data is "
        "damaged or hostile; it was not read."
    )
    E365 = (
        "Cannot store user data {key!r}: it holds a {type} of another Doc. Spans and Tokens "
        "in user data must belong to the doc they are stored with; store span.as_doc() "
        "separately instead."
    )
    E366 = "chunk_size must be a positive int (docs per chunk); got {value!r}."
    E367 = (
        "Cannot read {source}: {error}. Check that the path exists and is readable."
    )
    E368 = "Cannot write {path}: {error}. Check the directory exists and is writable."
    E370 = (
        "Cannot find a pipeline {name!r}: it is not a directory and not an installed "
        "package. Pass the path of a pipeline saved with nlp.to_disk, or install the "
        "pipeline package (pip install <package>)."
    )
    E371 = (
        "{path} is not a saved plait pipeline: it has no {missing}. Pass the directory that "
        "nlp.to_disk wrote (it holds config.cfg and meta.json)."
    )
    E372 = (
        "The pipeline at {path} is damaged: the checksum of {file} does not match the one "
        "recorded in meta.json (stored {stored}, computed {computed}). Save the pipeline "
        "again or restore a good copy."
    )
    E373 = (
        "The pipeline at {path} was saved for plait {range}, and the running plait is "
        "{version}: {reason}. Install a plait version in that range (pip install "
        "\"plait{range}\"), or save the pipeline again with this version."
    )
    E374 = (
        "The pipeline at {path} is damaged: {file} is listed in meta.json but is missing. "
        "Save the pipeline again or restore a good copy."
    )
    E375 = (
        "Cannot load the pipeline at {path}: {file} could not be read ({error}). The file is "
        "damaged or truncated; save the pipeline again or restore a good copy."
    )
    E376 = (
        "plait.from_bytes got data that is not a saved pipeline: {reason}. Pass the output "
        "of nlp.to_bytes()."
    )
    E377 = (
        "The pipeline at {path} needs the factory {factory!r} (component {name!r}), which is "
        "not registered. Install the package that provides it (the pipeline lists: "
        "{requirements}); packages register factories through the 'plait_factories' "
        "entry-point group. Or import the module that defines it before loading."
    )
    E378 = (
        "The pipeline at {path} has an invalid meta.json: {reason}. Fix the file or save "
        "the pipeline again."
    )
    E379 = (
        "Refusing to save a pipeline to {path}: it exists and is not a saved pipeline "
        "(no config.cfg), and saving replaces the whole directory. Pass an empty or new "
        "directory."
    )
    E380 = (
        "Cannot store the docs in a DocBin: their annotation columns hold {got} values in "
        "all, but the docs have {expected} tokens. A doc's arrays were replaced with ones of "
        "another length; set annotations through the Doc/Token API or Doc.from_array."
    )

    # --- matchers: Matcher, PhraseMatcher, DependencyMatcher (E450-E499) ---
    E450 = (
        "on_match for key {key!r} must be callable (a function called as on_match(matcher, "
        "doc, i, matches)) or None; got {type}."
    )
    E451 = (
        "Patterns for key {key!r} must be a list of patterns, e.g. matcher.add({key!r}, "
        "[pattern1, pattern2]); got {type}. Wrap a single pattern in a list."
    )
    E452 = "greedy for key {key!r} must be None, 'FIRST' or 'LONGEST'; got {value!r}."
    E453 = (
        "Pattern {index} for key {key!r} is empty (or only has '{{0}}' operators): a pattern "
        "needs at least one token description, e.g. [{{'LOWER': 'hello'}}]."
    )
    E454 = (
        "Pattern {index} for key {key!r} must be a list of token descriptions (dicts); got "
        "{type}. Write it as [{{'LOWER': 'hello'}}, {{'IS_PUNCT': True}}]."
    )
    E455 = (
        "Token {token} of pattern {index} for key {key!r} must be a dict of attribute -> "
        "value; got {type}."
    )
    E456 = (
        "Unknown attribute {attr!r} in token {token} of pattern {index} for key {key!r}. "
        "Use one of: {options}, 'OP' or '_' (extension attributes)."
    )
    E457 = (
        "Bad operator {op!r} in token {token} of pattern {index} for key {key!r}. Use one of "
        "'!', '?', '*', '+', '{{n}}', '{{n,m}}', '{{n,}}', '{{,m}}' (n and m integers, n <= m)."
    )
    E458 = (
        "Wrong value type for {attr!r} in token {token} of pattern {index} for key {key!r}: "
        "got {value!r} ({type}), expected {expected}."
    )
    E459 = (
        "Unknown predicate {predicate!r} for {attr!r} in token {token} of pattern {index} "
        "for key {key!r}. Use one of: {options}."
    )
    E460 = (
        "Bad regular expression {value!r} for {attr!r} in token {token} of pattern {index} "
        "for key {key!r}: {reason}."
    )
    E461 = "Cannot remove {key!r}: the matcher has no rule with this key. Check `key in matcher` first."
    E462 = "The matcher needs a Doc or a Span; got {type}."
    E463 = (
        "The pattern(s) use {attr}, but the doc has no {attr} annotation: run a pipeline with "
        "a {pipe} first, or pass allow_missing=True to match anyway."
    )
    E464 = (
        "Extension attributes ('_') in token {token} of pattern {index} for key {key!r} must "
        "be given as a dict of name -> value; got {type}."
    )
    E465 = (
        "PhraseMatcher attr must be a token attribute name (e.g. 'ORTH', 'LOWER', 'NORM', "
        "'LEMMA', 'POS', 'TAG', 'SHAPE') or its ID; got {attr!r}."
    )
    E466 = (
        "PhraseMatcher.add({key!r}, ...) takes a list of Docs (or lists of attribute hashes) "
        "as its second argument; got {type}. Wrap a single Doc in a list."
    )
    E467 = "PhraseMatcher has no rule with key {key!r}, so it cannot be removed."
    E468 = (
        "Phrase pattern {index} for key {key!r} has no {attr} annotation, but the "
        "PhraseMatcher matches on {attr}: create the pattern docs with a pipeline that sets "
        "it (a {pipe}), e.g. with nlp.pipe(texts)."
    )
    E469 = (
        "Node {node} of dependency pattern {index} for key {key!r} must be a dict with "
        "RIGHT_ID, RIGHT_ATTRS (and LEFT_ID, REL_OP after the first node); got {type}."
    )
    E470 = (
        "Node {node} of dependency pattern {index} for key {key!r} is missing {missing}. "
        "Every node needs RIGHT_ID and RIGHT_ATTRS; every node after the first also needs "
        "LEFT_ID and REL_OP."
    )
    E471 = (
        "The first node of dependency pattern {index} for key {key!r} must be the anchor: "
        "RIGHT_ID and RIGHT_ATTRS only, without LEFT_ID or REL_OP."
    )
    E472 = (
        "Node {node} of dependency pattern {index} for key {key!r} reuses RIGHT_ID {name!r}: "
        "each node needs a new, unique RIGHT_ID."
    )
    E473 = (
        "Node {node} of dependency pattern {index} for key {key!r} has LEFT_ID {name!r}, "
        "which is not the RIGHT_ID of an earlier node. Known so far: {known}."
    )
    E474 = (
        "Unknown REL_OP {op!r} in node {node} of dependency pattern {index} for key {key!r}. "
        "Use one of: {options}."
    )
    E475 = (
        "Node {node} of dependency pattern {index} for key {key!r} uses the operator {op!r} "
        "in RIGHT_ATTRS: a dependency node matches exactly one token, so '?', '*' and '+' "
        "are not allowed."
    )
    E476 = (
        "Unknown key(s) {names} in node {node} of dependency pattern {index} for key "
        "{key!r}. A node has only RIGHT_ID, RIGHT_ATTRS, LEFT_ID and REL_OP."
    )
    E477 = (
        "Bad value for {attr!r} in token {token} of pattern {index} for key {key!r}: "
        "{reason}."
    )

    # --- components, lookups, lemmatizer, displacy (E478-E549) ---
    E478 = (
        "punct_chars of the sentencizer must be a list of strings (e.g. ['.', '!', '?']) or "
        "None for the default set; got {value!r} ({type})."
    )
    E479 = (
        "Pattern {index} of the {name!r} component must be a dict with 'label' and 'pattern' "
        "(and optionally 'id'); got {value!r} ({type})."
    )
    E480 = (
        "Pattern {index} of the {name!r} component has a bad {field!r}: {reason}; got "
        "{value!r}. Write it as {{'label': 'ORG', 'pattern': 'Apple'}} or {{'label': 'ORG', "
        "'pattern': [{{'LOWER': 'apple'}}], 'id': 'apple'}}."
    )
    E481 = (
        "Patterns for the {name!r} component must be a list of dicts; got {type}. Wrap a "
        "single pattern in a list."
    )
    E482 = (
        "Line {line} of the patterns file {path} is not a valid pattern: {reason}. Each line "
        "must be one JSON object such as {{\"label\": \"ORG\", \"pattern\": \"Apple\"}}."
    )
    E483 = "Cannot {action} {path}: {error}. Check that the path exists and is writable."
    E484 = (
        "The {name!r} component has no pattern with {what} {value!r}, so nothing can be "
        "removed. Known: {known}."
    )
    E485 = (
        "Saved settings of the {name!r} component in {path} are damaged: {reason}. Save the "
        "pipeline again."
    )
    E486 = (
        "The span_ruler {name!r} has spans_key=None and annotate_ents=False, so it would "
        "write nothing: set spans_key (e.g. 'ruler') or annotate_ents=True."
    )
    E487 = (
        "attrs for the attribute_ruler must be a dict of attribute -> value, e.g. "
        "{{'LEMMA': 'be', 'POS': 'AUX'}}; got {value!r} ({type})."
    )
    E488 = (
        "The attribute_ruler cannot set {attr!r}. Settable attributes: {options}, and '_' "
        "for extension attributes (a dict of name -> value)."
    )
    E489 = (
        "index={index} of an attribute_ruler rule is outside the match {span!r} ({n} tokens):"
        " use an index from {low} to {high}, or change the pattern."
    )
    E490 = (
        "attribute_ruler pattern entry {index} must be a dict with 'patterns' (a list of "
        "token patterns), 'attrs' (a dict) and optionally 'index' (an int); got {value!r}."
    )
    E491 = (
        "Bad value {value!r} for {attr!r} in an attribute_ruler rule: {reason}."
    )
    E492 = (
        "Unknown lemmatizer mode {mode!r}. Use one of: {options} (or subclass Lemmatizer and "
        "add a '<mode>_lemmatize' method)."
    )
    E493 = (
        "The lemmatizer {name!r} (mode {mode!r}) has no lookup table {table!r}. Call "
        "nlp.initialize() to load the tables from the plait_lookups registry, or pass "
        "lookups= to lemmatizer.initialize()."
    )
    E494 = (
        "No lookup tables are registered for the language {lang!r} (registry 'lookups', "
        "entry-point group 'plait_lookups'). Install a package that provides them, or "
        "register a function or dict with @registry.lookups.register({lang!r})."
    )
    E495 = (
        "The lookup tables for {lang!r} have no table {table!r}; they have: {available}. "
        "Install a package with more tables, or pass strict=False to skip missing ones."
    )
    E496 = "Lookups has no table {name!r}; it has: {available}. Add it with add_table()."
    E497 = "Lookups already has a table {name!r}: remove it first, or use set_table()."
    E498 = (
        "Cannot read the lookup table {table!r} for {lang!r} from {source!r}: {reason}. A "
        "table is a dict, or the path to a .json or .json.gz file holding a JSON object."
    )
    E499 = (
        "The plait_lookups entry for {lang!r} must be a dict of table name -> data or path, "
        "or a function returning one; got {type}."
    )
    E500 = "Lookup table keys must be str or int (a string hash); got {value!r} ({type})."
    E501 = (
        "Saved lookup tables are damaged: {reason}. They must be a msgpack map written by "
        "Lookups.to_bytes(); save them again."
    )
    E502 = (
        "Unknown displacy style {style!r}. Use one of: {options}."
    )
    E503 = (
        "displacy.render got {type} where it needs a Doc or Span (or, with manual=True, a "
        "dict in the format of parse_{style_name}())."
    )
    E504 = (
        "A manual displacy input for style {style!r} is missing the key {key!r}: it needs "
        "{needed} (see displacy.parse_{style_name}() for the format)."
    )
    E505 = (
        "displacy option {option!r} must be {expected}; got {value!r} ({type})."
    )
    E506 = (
        "displacy.serve cannot listen on {host}:{port}: {error}. Choose another port, or "
        "pass auto_select_port=True to use the next free one."
    )
    E507 = (
        "The plait_displacy_colors entry {name!r} must be a dict of label -> CSS colour, or "
        "a function returning one; got {type}."
    )
    E508 = (
        "A dependency arc in the manual displacy input goes from {start} to {end}, outside "
        "the {n} words. Arcs need 0 <= start, end < len(words)."
    )
    E509 = (
        "Lookup table {name!r} holds a value that cannot be saved: {error}. Values must be "
        "str, int (64-bit), float, bool, None, or lists and dicts of those."
    )

    # --- training: Example, Scorer, models, tagger family, the loop (E550-E599) ---
    E550 = (
        "Example needs two Docs (predicted, reference); got {type} for {which}. Build one with "
        "Example(nlp.make_doc(text), reference_doc) or Example.from_dict(doc, annotations)."
    )
    E551 = (
        "The texts of an Example's predicted and reference docs differ (ignoring whitespace): "
        "{x!r} vs {y!r}. Both docs must hold the same text, tokenized in any way."
    )
    E552 = (
        "Unknown annotation key {key!r} for Example.from_dict. Use: {options}."
    )
    E553 = (
        "Annotation {key!r} for Example.from_dict has {n} values for {n_words} words: give one "
        "value per word (or use None for a missing value)."
    )
    E554 = (
        "Entity {span!r} ({start}, {end}, {label!r}) does not align with token boundaries of "
        "{text!r}: fix the character offsets so that they start and end on tokens."
    )
    E555 = (
        "Entities in the annotation overlap: {first!r} and {second!r}. An entity annotation "
        "must not overlap; put overlapping spans in 'spans' instead."
    )
    E556 = (
        "Bad BILUO/IOB tag {tag!r} at position {i}: {reason}. Tags are 'B-X', 'I-X', 'L-X', "
        "'U-X', 'O', or '-'/'' for missing."
    )
    E557 = (
        "{name} expects a list of Example objects; got {type}. Make them with "
        "Example.from_dict(nlp.make_doc(text), annotations)."
    )
    E558 = (
        "The component {name!r} has no labels and its initialize() found none in the "
        "training data: give examples with {what} annotations, or pass labels=."
    )
    E559 = (
        "Label must be a non-empty str; got {value!r} ({type}) for the component {name!r}."
    )
    E560 = (
        "The component {name!r} was not initialized: call nlp.initialize(get_examples) (or "
        "component.initialize(get_examples)) before using or training it."
    )
    E561 = (
        "get_examples for {name!r} must be a function returning Example objects; got {value!r}."
        " Pass lambda: examples."
    )
    E562 = (
        "No training examples for {name!r}: get_examples() returned nothing. Check the "
        "training corpus path and that it holds annotated docs."
    )
    E563 = (
        "Cannot add the label {label!r} to the component {name!r} after its model was "
        "initialized with other labels ({labels}). Add labels before nlp.initialize(), or "
        "initialize again."
    )
    E564 = (
        "Saved weights of the component {name!r} are damaged or do not match its model: "
        "{reason}. Save the component again, or check that the config matches the weights."
    )
    E565 = (
        "The listener in {name!r} got a batch its tok2vec ({upstream!r}) has not computed: "
        "run the tok2vec component first in the pipeline, or call nlp.replace_listeners() "
        "to give {name!r} its own copy."
    )
    E566 = (
        "nlp.replace_listeners: {reason}."
    )
    E567 = (
        "Unknown optimizer setting {key!r} = {value!r}: {reason}."
    )
    E568 = (
        "The model of the component {name!r} has a width mismatch: {what} is {got}, expected "
        "{expected}. Check [components.{name}.model] in the config."
    )
    E569 = (
        "Textcat label {label!r} in the reference of an example is not a label of {name!r} "
        "({labels}). Add it with add_label() before nlp.initialize()."
    )
    E570 = (
        "The exclusive textcat {name!r} got an example with {n} positive classes ({cats}): "
        "an exclusive textcat needs exactly one. Use textcat_multilabel for multiple labels."
    )
    E571 = (
        "Corpus {path} {reason}. Give a .spacy/.plait DocBin file, a .jsonl file, a .conllu "
        "file, or a folder holding such files."
    )
    E572 = (
        "The corpus {path} holds no documents: check the path and the file contents."
    )
    E573 = (
        "Line {line} of {path} is not a valid JSONL record: {reason}. Each line must be a "
        "JSON object with a \"text\" string."
    )
    E574 = (
        "Line {line} of the CoNLL-U file {path} is malformed: {reason}. Each token line has 10 "
        "tab-separated columns (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC)."
    )
    E575 = (
        "The training config has a bad [training] setting {key!r} = {value!r}: {reason}."
    )
    E576 = (
        "Component {name!r} in [training] {setting} is not in the pipeline ({pipeline})."
    )
    E577 = (
        "The [training] corpus {key!r} is not defined in [corpora] ({available}). Point "
        "{key!r} to a [corpora] section, e.g. train_corpus = \"corpora.train\"."
    )
    E578 = (
        "Score weight {key!r} is not a score any component produces ({available}). Fix "
        "[training.score_weights]."
    )
    E579 = (
        "Cannot read the vectors file {path}: {reason}. Give a word2vec/GloVe text file: one "
        "word and its floats per line, optionally after a 'rows width' header line."
    )
    E580 = (
        "Batch size must be a positive int, or a schedule of them; got {value!r}."
    )
    E581 = (
        "The {which} callback in [initialize] must return the nlp object; got {type}."
    )
    E582 = (
        "The reference of an example has the label {label!r}, which the component {name!r} "
        "does not know ({n} labels, e.g. {labels}). Initialize it on data that has this "
        "label, or add the label with add_label() before nlp.initialize()."
    )
    E583 = (
        "[initialize.components.{name}] {key} must be {expected}; got {value!r}."
    )
    E584 = (
        "The augmenter setting {name!r} must be {expected}; got {value!r}. Fix "
        "[corpora.train.augmenter] in the config."
    )
    E585 = (
        "Cannot read the JSON file {path} named in the config: {reason}. Check the path and "
        "that the file is valid JSON."
    )

    # --- parser, ner, transition systems (E600-E649) ---
    E600 = (
        "The reference of an example has the dependency label {label!r}, which the parser "
        "{name!r} does not know ({n} labels, e.g. {labels}). Initialize the parser on data "
        "that has this label, or add it with parser.add_label() before nlp.initialize()."
    )
    E601 = (
        "The reference of an example has the entity label {label!r}, which the entity "
        "recognizer {name!r} does not know ({n} labels, e.g. {labels}). Initialize it on data "
        "that has this label, or add it with ner.add_label() before nlp.initialize()."
    )
    E602 = (
        "labels for {name!r} must be a list of non-empty strings (or the dict that "
        "{name}.label_data gives); got {value!r}."
    )
    E603 = (
        "The model of the component {name!r} is not a transition-based model ({model!r}): "
        "use an architecture such as plait.TransitionBasedParser.v2 in "
        "[components.{name}.model]."
    )
    E604 = (
        "The saved settings of {name!r} list {n_moves} transitions, but its weights have "
        "{n_out} outputs: the cfg and model files do not belong together. Save the "
        "component again."
    )
    E605 = (
        "Unknown value {value!r} for the {name!r} setting {key!r}: {reason}."
    )

    # --- parallel processing: nlp.pipe(n_process=), plait.parallel.dask (E750-E799) ---
    E750 = (
        "A worker process of nlp.pipe(n_process=...) failed in {where} with {type}: {error}. "
        "The worker's traceback follows; fix the component, or set nlp.set_error_handler() "
        "to skip docs that fail.\n{traceback}"
    )
    E751 = (
        "A worker process could not build the pipeline (start method {method!r}): {type}: "
        "{error}. Register factories, languages and registry functions at the top level of "
        "an importable module (not inside a function or in an interactive session) so that "
        "workers can import them.\n{traceback}"
    )
    E752 = (
        "Worker process {pid} of nlp.pipe(n_process=...) exited with code {code} before it "
        "finished (killed, or out of memory?). Use fewer processes or a smaller batch_size."
    )
    E753 = (
        "A batch of docs sent back by a worker is damaged: {reason}. This is a bug in plait; "
        "please report it with the pipeline and the texts."
    )
    E754 = (
        "plait.parallel.dask needs the optional packages dask[bag,dataframe] and distributed "
        "({error}). Install them with: pip install 'plait[dask]'."
    )
    E755 = (
        "{func} needs a pipeline: a Language object, or the path or package name of a saved "
        "pipeline that every worker can load; got {type}."
    )
    E756 = (
        "pipe_dataframe: the dataframe has no text column {column!r}; its columns are "
        "{columns}. Pass text_column= with the name of the column holding the texts."
    )
    E757 = (
        "pipe_dataframe: unknown output column {column!r}. Use any of {options}."
    )
    E758 = (
        "apply_files cannot {action} {path}: {error}. Check that the path exists and is "
        "readable (inputs) or writable (output_dir) from every worker."
    )
    E759 = (
        "apply_files: two input files would write the same output {path}. Give inputs "
        "distinct file names, or process them in separate calls."
    )
