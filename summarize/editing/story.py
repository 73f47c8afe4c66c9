"""Which articles tell the brief's story: a cluster can hold an article about something else.

A Multi-News cluster on a study of esophageal cancer in people who smoke and drink also holds a
feature on hangovers from mixed drinks; a brief that opens on the study and goes on about
hangovers reads as two stories stitched together. The brief's lead says what the story is, so an
article that shares almost none of the weighted vocabulary of the lead's article is off-story.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..text.words import tfidf

# TF-IDF cosine of whole articles: articles on one story share well above this (0.18 to 0.67 on
# the dev stories); an article on something else shares its topic's words at most (0.02 to 0.09).
ON_STORY = 0.12


def on_story(articles: Mapping[str, str], lead: str) -> set[str]:
    """The ids of the articles that tell the story of the article `lead`."""
    ids = list(articles)
    if lead not in articles or len(ids) < 2:
        return set(ids)
    vectors, _ = tfidf([articles[i] for i in ids])
    similarity = vectors.matmul(vectors.take([ids.index(lead)]).transposed()).toarray().ravel()
    return {i for i, s in zip(ids, similarity) if i == lead or s >= ON_STORY}


# A no-comment line: someone named did not answer or would not comment, and the sentence says
# nothing else ("Karl Rominger, a lawyer for Sandusky, did not respond to a request for comment.").
# It reports one outlet's unanswered call, not the story, and in a brief of several articles it
# can read as the person's silence where another article has them speaking (test1109).
_NO_COMMENT = re.compile(
    r"^[^;:“”\"]*?\b(?:did not|didn't|could not|couldn't|would not|wouldn't|declined to|refused to)\s+"
    r"(?:immediately\s+)?(?:respond|return|reply|comment|be reached)\b[^;,“”\"]*?(?:comment|calls?|messages?|e-?mails?)?"
    r"(?:\s+on [^;,“”\"]{0,60})?[.)]*$",
    re.IGNORECASE,
)


def no_comment(text: str) -> bool:
    """Is the sentence only a no-comment line (no other fact joined to it)?"""
    return bool(_NO_COMMENT.match(text.strip())) and not re.search(r"\b(?:and|but|although|while)\b", text)
