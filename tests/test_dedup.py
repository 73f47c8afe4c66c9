from summarize.options import Options
from summarize.pipeline.dedup import deduplicate, is_spun
from summarize.pipeline.segment import segment_documents

from .conftest import make_doc, seed_text

CLEAN = (
    "CIA Director William Burns visited China in May. Biden’s national security adviser, "
    "Jake Sullivan, met with China’s top foreign policy adviser Wang Yi in Vienna in May."
)
SPUN = (
    "CIA chief William Burns traveled to China in May. And Biden’s nationwide safety adviser "
    "Jake Sullivan met with senior Chinese overseas coverage adviser Wang Yi in Vienna in May."
)


def run(docs):
    return deduplicate(docs, segment_documents(docs), Options())


def group_with(result, needle):
    (group,) = [g for g in result.groups if any(needle in m.text for m in g.members)]
    return group


def test_spun_variant_loses_to_the_clean_one_and_both_are_support():
    # The spun copy comes first, so only the variant choice can put the clean text forward.
    result = run([make_doc("spun", SPUN), make_doc("wire", CLEAN)])
    group = group_with(result, "Vienna")
    assert "national security adviser" in group.representative.text
    assert group.doc_ids == ("spun", "wire")


def test_seed_spun_article_is_flagged_and_never_represents_a_shared_fact():
    docs = [make_doc(i, seed_text(i)) for i in ("001", "004")]
    result = run(docs)
    assert result.spun_documents == ("004",)
    shared = [g for g in result.groups if len(g.doc_ids) > 1]
    assert shared and all(g.representative.doc_id == "001" for g in shared)
    assert not is_spun(seed_text("001"))


def test_syndicated_copies_are_one_document_set_and_every_sentence_cites_both():
    text = seed_text("002")
    result = run([make_doc("kuna", text), make_doc("copy", text), make_doc("other", CLEAN)])
    assert result.duplicate_documents == (("kuna", "copy"),)
    for group in result.groups:
        if any(m.doc_id == "kuna" for m in group.members):
            assert group.doc_ids == ("copy", "kuna")


def test_different_facts_stay_apart():
    result = run(
        [
            make_doc("a", "The ministry said exports fell sharply in March."),
            make_doc("b", "Heavy rain flooded the northern villages on Sunday night."),
        ]
    )
    assert len(result.groups) == 2


def test_article_with_sentences_in_reverse_order_is_detected():
    facts = [
        "Officials announced the new bridge project on Monday morning.",
        "The bridge will cost four hundred million dollars to complete.",
        "Construction crews are expected to begin work next spring.",
        "Local residents raised concerns about traffic during construction.",
        "The mayor promised regular public updates on the project.",
    ]
    forward = " ".join(facts)
    backward = " ".join(reversed(facts))
    result = run([make_doc("a", forward), make_doc("b", forward), make_doc("r", backward)])
    assert result.reversed_documents == ("r",)
    lead = group_with(result, "announced the new bridge")
    assert all(m.position < 0.2 for m in lead.members)


def test_tfidf_matches_scikit_learn_value_for_value():
    # words.tfidf replaces TfidfVectorizer (whose import cost more than a brief): same floats,
    # same column order, so no similarity and no brief changes.
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import TfidfVectorizer

    from summarize.pipeline.segment import split_text
    from summarize.text.words import content_terms, tfidf

    from .conftest import SEEDS

    sentences = [s for path in sorted(SEEDS.glob("*.txt")) for s in split_text(path.read_text(encoding="utf-8"))]
    fit, extra = sentences[::2], sentences[1::2] + ["Words never seen before: zyzzyva quixotic."]
    for smooth in (True, False):
        ours = tfidf(fit, extra, smooth_idf=smooth)
        vectorizer = TfidfVectorizer(analyzer=content_terms, sublinear_tf=True, smooth_idf=smooth)
        theirs = (csr_matrix(vectorizer.fit_transform(fit)), csr_matrix(vectorizer.transform(extra)))
        for a, b in zip(ours, theirs):
            assert a.shape == b.shape
            assert (a.indptr == b.indptr).all() and (a.indices == b.indices).all() and (a.data == b.data).all()


def test_a_brief_imports_neither_scikit_learn_nor_all_of_nltk_and_nltk_stays_whole():
    import subprocess
    import sys

    code = (
        "import sys, summarize.pipeline.run\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('sklearn', 'nltk') or m.startswith('scipy.stats')]\n"
        "assert not heavy, heavy\n"
        "import nltk\n"
        "from nltk.tokenize import PunktSentenceTokenizer\n"
        "assert nltk.tokenize.punkt.PunktSentenceTokenizer is PunktSentenceTokenizer\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_copies_are_grouped_as_scipy_connected_components_groups_them():
    """Syndicated copies are joined by a union-find rather than scipy.sparse.csgraph (whose
    import brings scipy.linalg): the same groups, named by their first member, on random graphs."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    from summarize.pipeline.dedup import _components

    rng = np.random.default_rng(0)
    for n in (1, 2, 7, 40):
        edges = [(int(a), int(b)) for a, b in rng.integers(0, n, (n // 2 + 1, 2)) if a < b]
        rows, cols = zip(*edges) if edges else ((), ())
        _, theirs = connected_components(csr_matrix((np.ones(len(edges)), (rows, cols)), shape=(n, n)), directed=False)
        ours = _components(n, edges)
        assert [[i for i in range(n) if ours[i] == ours[j]] for j in range(n)] == [
            [i for i in range(n) if theirs[i] == theirs[j]] for j in range(n)
        ]
        assert all(ours[i] <= i for i in range(n))
