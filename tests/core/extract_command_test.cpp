// The extract verb: arguments, exit codes, the JSON shape of issue 7, the table, --data.
#include <catch2/catch_test_macros.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/extract_command.h"
#include "test_support.h"

using namespace indtrack;

namespace {

struct Run {
  int code = 0;
  std::string out, err;
};

Run run(std::vector<std::string> args) {
  args.insert(args.begin(), "extract");
  std::ostringstream out, err;
  Run r;
  r.code = run_extract_command(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

const std::string kArticle =
    std::string(INDTRACK_SOURCE_DIR) + "/tests/extract/articles/000_6e585e96716a7f59.txt";

}  // namespace

TEST_CASE("extract --help explains the verb with an example", "[extract][cli]") {
  const Run r = run({"--help"});
  CHECK(r.code == 0);
  CHECK(r.out.find("Usage: indtrack extract FILE...") != std::string::npos);
  CHECK(r.out.find("Example:") != std::string::npos);
}

TEST_CASE("extract usage errors exit 2, unreadable files exit 1", "[extract][cli]") {
  CHECK(run({}).code == 2);
  CHECK(run({kArticle, "--format", "xml"}).code == 2);
  CHECK(run({kArticle, "--article-date", "2023-02-30"}).code == 2);
  CHECK(run({kArticle, "--article-date"}).code == 2);
  CHECK(run({kArticle, "--bogus"}).code == 2);
  const Run missing = run({test::tmp_path("no-such-article.txt"), "--article-date", "2023-01-26"});
  CHECK(missing.code == 1);
  CHECK(missing.err.find("cannot read") != std::string::npos);
  CHECK(run({kArticle, "--data", test::tmp_path("no-such-dataset.json")}).code == 1);
}

TEST_CASE("extract prints {\"facts\":[...]} with quotes that are spans of the file", "[extract][cli]") {
  const Run r = run({kArticle, "--article-date", "2023-01-26"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  REQUIRE(j.is_object());
  REQUIRE(j.size() == 1);
  const nlohmann::json& facts = j.at("facts");
  REQUIRE(facts.size() == 19);
  const std::string text = test::read_file(kArticle);
  for (const nlohmann::json& f : facts) {
    for (const char* key : {"kind", "value", "unit", "product", "company", "project", "date", "date_kind",
                            "expected", "scope", "quote", "file", "start", "end"})
      CHECK(f.contains(key));
    const std::size_t start = f.at("start"), end = f.at("end");
    CHECK(text.substr(start, end - start) == f.at("quote").get<std::string>());
    CHECK(f.at("file") == kArticle);
  }
  // The investment of 华恒: "总投资约105亿元" in yuan.
  bool found = false;
  for (const nlohmann::json& f : facts)
    if (f.at("kind") == "investment" && f.at("value") == 10500000000LL) {
      found = true;
      CHECK(f.at("unit") == "CNY");
      CHECK(f.at("scope") == "total");
      CHECK(f.at("company") == "内蒙古华恒能源科技有限公司");
    }
  CHECK(found);
}

TEST_CASE("extract --format table shows values in 万吨/年 and 亿元", "[extract][cli]") {
  const Run r = run({kArticle, "--article-date", "2023-01-26", "--format", "table"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("19 facts") != std::string::npos);
  CHECK(r.out.find("40万吨/年") != std::string::npos);
  CHECK(r.out.find("约105亿元") != std::string::npos);
  CHECK(r.out.find("construction_start") != std::string::npos);
}

TEST_CASE("extract --data uses the dataset's names and its source dates", "[extract][cli]") {
  const std::string dataset = test::data_path("example/example.json");
  const std::string article = test::data_path("example/sources/example-2024-03-15.txt");
  const Run r = run({article, "--data", dataset});
  REQUIRE(r.code == 0);
  const nlohmann::json facts = nlohmann::json::parse(r.out).at("facts");
  bool commissioning = false, planned = false;
  for (const nlohmann::json& f : facts) {
    if (f.at("date") == "2023-11-20") {
      commissioning = true;
      CHECK(f.at("date_kind") == "commissioning");
      CHECK(f.at("expected") == false);
      CHECK(f.at("company") == "示例新材料有限公司");
    }
    // "年底前开工" takes its year from the source's date in the dataset (2024-03-15).
    if (f.at("date") == "2024-12") {
      planned = true;
      CHECK(f.at("date_kind") == "construction_start");
      CHECK(f.at("expected") == true);
    }
  }
  CHECK(commissioning);
  CHECK(planned);
}
