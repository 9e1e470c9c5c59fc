"""The Chinese edition's search: Sphinx's Chinese splitter, made linear, and a query
split the way the index was.

Sphinx's ``SearchChinese`` keeps every Latin word it has met in a list and looks each
word up in it while stemming, which makes indexing quadratic: 4.5 of the Chinese
build's 20 seconds (measured with cProfile). The same words, looked up in a set.

The index is cut into words by jieba, but the browser splits a query only where it has
spaces or punctuation, so 中美差距 was looked up whole and found nothing although the
pages say 中美 and 差距. The query's runs of Chinese characters are cut into the index's
own words instead, longest first (:data:`SPLIT_QUERY`, Sphinx's ``splitQuery`` hook).
"""

from __future__ import annotations

from sphinx.search.zh import SearchChinese


# Sphinx's default splitQuery, then each run of Han characters cut into the longest words
# the index holds (a character no indexed word starts with is left out: it could only
# make every result fail to match).
SPLIT_QUERY = r"""
var splitQuery = (query) => {
  const index = typeof Search !== "undefined" ? Search._index : null;
  const known = (word) => index !== null
    && (word in index.terms || word in index.titleterms);
  const words = [];
  for (const token of query.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu)) {
    for (const run of token.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) || []) {
      if (!/\p{Script=Han}/u.test(run) || index === null || known(run)) {
        words.push(run);
        continue;
      }
      for (let start = 0; start < run.length;) {
        let end = Math.min(run.length, start + 8);
        while (end > start + 1 && !known(run.slice(start, end))) end -= 1;
        if (known(run.slice(start, end))) words.push(run.slice(start, end));
        start = end;
      }
    }
  }
  return words;
};
"""


class ChineseSearch(SearchChinese):
    js_splitter_code = SPLIT_QUERY

    def init(self, options: dict[str, str]) -> None:
        super().init(options)
        self.latin_seen: set[str] = set()

    def split(self, input: str) -> list[str]:
        words = super().split(input)
        self.latin_seen.update(self.latin_terms)
        self.latin_terms.clear()  # a class attribute in Sphinx: it would grow for ever
        return words

    def stem(self, word: str) -> str:
        stemmed = self.stemmer.stemWord(word.lower())
        # As Sphinx: an acronym that stemming would cut below three letters stays whole.
        if word in self.latin_seen and len(word) >= 3 and len(stemmed) < 3:
            return word.lower()
        return stemmed
