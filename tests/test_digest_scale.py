"""The parts of the digest that exist for big corpora: a pair budget that grows
with the corpus, story subsets for batches, the pair scores kept for the copy stage."""

from __future__ import annotations

from collections import Counter

import numpy as np
from asimtext import Article
from asimtext.digest import default_backend, scope
from asimtext.digest import pipeline as P
from asimtext.digest.keys import Bags
from asimtext.digest.records import Doc, Stories
from asimtext.digest.stories import PairScores, StoryParams, score_pairs


def test_pair_budget_grows_with_the_corpus():
    bags = [Counter({"common": 1, f"u{i}": 1}) for i in range(10)]
    b = Bags.from_counters(bags, set())
    assert len(score_pairs(b, StoryParams(pair_budget=10)).i) == 0  # 45 pairs > 10
    # 10 articles are 5 times budget_articles: the budget is 50 pairs
    assert len(score_pairs(b, StoryParams(pair_budget=10, budget_articles=2)).i) == 45
    assert len(score_pairs(b, StoryParams(pair_budget=10, budget_articles=5)).i) == 0


def _scores(pairs):
    a = np.asarray([p[0] for p in pairs], dtype=np.int64)
    b = np.asarray([p[1] for p in pairs], dtype=np.int64)
    f = np.arange(len(pairs), dtype=np.float64) / 10
    return PairScores(a, b, f, f, np.ones(len(pairs), dtype=np.int64), f)


def test_subset_reindexes_articles_scores_and_links():
    groups = [[0, 2, 5], [1, 4], [3]]
    sc = _scores([(0, 2), (2, 5), (1, 4), (0, 3)])
    st = Stories.from_groups(6, groups, sc, [(1, 4), (0, 5)], np.arange(6.0))
    docs = list("abcdef")
    sub_docs, sub = st.subset([1, 0], docs)
    assert sub_docs == ["b", "e", "a", "c", "f"]
    assert sub.groups == [[0, 1], [2, 3, 4]] and sub.ids == ["S2", "S1"]
    assert sub.story_of == [0, 0, 1, 1, 1]
    assert sorted(zip(sub.scores.i.tolist(), sub.scores.j.tolist())) == [(0, 1), (2, 3), (3, 4)]
    assert sorted(sub.dup_links) == [(0, 1), (2, 4)]
    assert sub.token_counts.tolist() == [1.0, 4.0, 0.0, 2.0, 5.0]


def test_only_big_stories_keep_their_pair_scores():
    groups = [[0, 1, 2, 3], [4, 5]]
    sc = _scores([(0, 1), (4, 5)])
    # Entries (article, key, weight) the average link kept: 0~1 share key 0, 1~3 key 1
    # (a pair the candidate pairs did not hold), 4~5 key 2; article 2 shares nothing.
    ents = [(0, 0, 1.0), (1, 0, 1.0), (1, 1, 1.0), (3, 1, 2.0), (4, 2, 1.0), (5, 2, 1.0)]
    rows, cols, w = (np.asarray(x) for x in zip(*ents))
    norm = np.sqrt(np.bincount(rows, weights=w * w, minlength=6))
    sc.matrix = (rows, cols, w, norm, np.ones(rows.size, dtype=bool), norm)
    st = Stories.from_groups(6, groups, sc, [], np.zeros(6))
    kept = P._scores_inside_big_stories(st, max_pairs=3)  # 6 pairs in story 0, 1 in story 1
    assert list(zip(kept.i.tolist(), kept.j.tolist())) == [(0, 1), (1, 3)]
    assert np.allclose(kept.cos, [1 / np.sqrt(2), 1 / np.sqrt(2)])
    assert st.scores.matrix is None  # let go once read
    sc.matrix = (rows, cols, w, norm, np.ones(rows.size, dtype=bool), norm)
    assert P._scores_inside_big_stories(st, max_pairs=10).i.size == 0


def test_story_batches_cover_every_story_in_order():
    st = Stories.from_groups(9, [[0, 1, 2, 3], [4, 5], [6], [7], [8]], _scores([]), [],
                             np.zeros(9))
    batches = P.story_batches(st, max_articles=3)
    assert [s for b in batches for s in b] == [0, 1, 2, 3, 4]
    assert batches[0] == [0]  # a story bigger than a batch is a batch of its own


def test_trim_heap_changes_nothing():
    P.trim_heap()


def _features(docs, finder):
    out = []
    for d in docs:
        facts, (lo, hi), weekdays = P.grouping_features(d, finder)
        out.append((sorted(facts.items()), str(lo), str(hi), weekdays))  # str: NaN == NaN
    return out


def test_dropped_spans_keep_what_the_grouping_reads():
    """prepare(keep_spans=False) keeps the fact keys, the text's own event days and
    the weekdays the story grouping reads from the spans it drops."""
    texts = [
        "Patna, Saturday: 14 people died in the floods on 8 January 2022, the BJP said.",
        "पटना में शनिवार को 14 लोगों की मौत हुई. भाजपा ने 8 जनवरी 2022 को कहा.",
        "On Monday, 10 January 2022 (Monday) the court heard 1,200 petitions.",
        "No date here, only words about a volcano and lava.",
    ]
    backend = default_backend()
    finder = scope.default_gazetteer()
    kept = [Doc(i, i, Article(f"a{i}", t)) for i, t in enumerate(texts)]
    dropped = [Doc(i, i, Article(f"a{i}", t)) for i, t in enumerate(texts)]
    P.prepare(kept, backend)
    P.prepare(dropped, backend, keep_spans=False)
    assert all(d.spans is None for d in dropped)
    assert _features(dropped, finder) == _features(kept, finder)
    assert any(f[3] for f in _features(kept, finder))  # a weekday was read
    assert any(f[1] != "nan" for f in _features(kept, finder))  # an event day was read
    P.extract_again(dropped, backend)
    assert [[(s.start, s.end, s.kind, s.value) for s in d.spans] for d in dropped] == \
        [[(s.start, s.end, s.kind, s.value) for s in d.spans] for d in kept]
