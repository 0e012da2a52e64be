// The normaliser's byte map, paragraph/sentence/clause cutting, and the keyword trie.
#include <catch2/catch_test_macros.hpp>

#include "extract/keyword_trie.h"
#include "extract/text_normalizer.h"
#include "extract/text_segmenter.h"

using namespace indtrack;

TEST_CASE("the normaliser folds full-width characters and drops wrapping whitespace",
          "[extract][normalize]") {
  const std::string original = "年产１０．４ 万吨／年，\n2022年 2\n月开工";
  const NormalizedText n = normalize_text(original, {0, original.size()});
  CHECK(n.text == "年产10.4万吨/年,2022年2月开工");
  REQUIRE(n.origin.size() == n.text.size());
}

TEST_CASE("normalised offsets map back to the exact original bytes", "[extract][normalize]") {
  const std::string original = "前言\n该项目于２０２１年７月\n开工建设，总投资约105 亿元。";
  const NormalizedText n = normalize_text(original, {0, original.size()});
  const std::size_t a = n.text.find("2021");
  const std::size_t b = n.text.find("开工建设") + std::string("开工建设").size();
  const ByteRange r = n.original_range(original, a, b);
  CHECK(original.substr(r.begin, r.end - r.begin) == "２０２１年７月\n开工建设");
  // A range inside a paragraph that starts later keeps absolute offsets.
  const std::size_t start = original.find("该项目");
  const NormalizedText m = normalize_text(original, {start, original.size()});
  const std::size_t c = m.text.find("105");
  const ByteRange r2 = m.original_range(original, c, c + std::string("105亿元").size());
  CHECK(original.substr(r2.begin, r2.end - r2.begin) == "105 亿元");
}

TEST_CASE("spaces between two Latin words or numbers survive normalisation", "[extract][normalize]") {
  const std::string original = "Smart Grid 10 20 万吨";
  CHECK(normalize_text(original, {0, original.size()}).text == "Smart Grid 10 20万吨");
}

TEST_CASE("invalid UTF-8 and control bytes become U+FFFD mapped to their byte", "[extract][normalize]") {
  const std::string original = std::string("10\xFF") + "万吨" + std::string("\x01", 1) + "BDO";
  const NormalizedText n = normalize_text(original, {0, original.size()});
  CHECK(n.text ==
        "10\xEF\xBF\xBD万吨\xEF\xBF\xBD"
        "BDO");
  const ByteRange r = n.original_range(original, 2, 5);  // the three bytes of U+FFFD
  CHECK(r.begin == 2);
  CHECK(r.end == 3);
}

TEST_CASE("a blank line ends a paragraph only after sentence-final punctuation", "[extract][segment]") {
  const std::string text =
      "项目一期预计在6月全部建设完成并\n\n投产。后面\n一句。\n\n新的段落。\n 缩进的段落\n## 标题\n正文";
  const std::vector<ByteRange> p = split_paragraphs(text);
  REQUIRE(p.size() == 5);
  CHECK(text.substr(p[0].begin, p[0].end - p[0].begin) ==
        "项目一期预计在6月全部建设完成并\n\n投产。后面\n一句。");
  CHECK(text.substr(p[1].begin, p[1].end - p[1].begin) == "新的段落。");
  CHECK(text.substr(p[2].begin, p[2].end - p[2].begin) == "缩进的段落");
  CHECK(text.substr(p[3].begin, p[3].end - p[3].begin) == "标题");  // the Markdown marker is not text
  CHECK(text.substr(p[4].begin, p[4].end - p[4].begin) == "正文");
}

TEST_CASE("a line longer than a paragraph may be is cut at code points", "[extract][segment]") {
  const std::string line(kMaxParagraphBytes * 2 + 5, 'a');
  const std::vector<ByteRange> p = split_paragraphs(line);
  REQUIRE(p.size() == 3);
  CHECK(p[0].end - p[0].begin == kMaxParagraphBytes);
  CHECK(p.back().end == line.size());
}

TEST_CASE("sentences end at 。！？； and keep their closing quotes", "[extract][segment]") {
  const std::string text = "“今年投产。”他说。项目顺利!下一句";
  const std::vector<ByteRange> s = split_sentences(text);
  REQUIRE(s.size() == 4);
  CHECK(text.substr(s[0].begin, s[0].end - s[0].begin) == "“今年投产。”");
  CHECK(text.substr(s[1].begin, s[1].end - s[1].begin) == "他说。");
  CHECK(text.substr(s[3].begin, s[3].end - s[3].begin) == "下一句");
}

TEST_CASE("clauses split at commas but not inside 1,4-丁二醇 or 1,000", "[extract][segment]") {
  const std::string text = "主要生产1,4-丁二醇,产能1,000吨:完成";
  const std::vector<ByteRange> c = split_clauses(text, {0, text.size()});
  REQUIRE(c.size() == 3);
  CHECK(text.substr(c[0].begin, c[0].end - c[0].begin) == "主要生产1,4-丁二醇");
  CHECK(text.substr(c[1].begin, c[1].end - c[1].begin) == "产能1,000吨");
}

TEST_CASE("the keyword trie finds the longest keyword at a position", "[extract][trie]") {
  KeywordTrie trie;
  trie.insert("投产", 1);
  trie.insert("建成投产", 2);
  trie.insert("建成", 3);
  const std::string text = "已建成投产了";
  const std::size_t at = std::string("已").size();
  CHECK(trie.longest_match(text, at).payload == 2);
  CHECK(trie.longest_match(text, at).length == std::string("建成投产").size());
  CHECK(trie.longest_match(text, 0).payload == -1);
  trie.insert("建成", 7);  // later insertions win
  CHECK(trie.longest_match("建成区", 0).payload == 7);
  CHECK(trie.size() == 3);
}
