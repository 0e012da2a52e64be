#!/usr/bin/python3
"""Writes the seed corpora tests/fuzz/corpus/<target>/ and the dictionaries tests/fuzz/<target>.dict
from the project's own files.

Run from the repository root after the inputs change: /usr/bin/python3 tests/fuzz/make_seeds.py
The seeds are committed; scripts/fuzz copies them to a temporary directory and never adds to them.
Seed file names are the first 16 hex digits of the content's SHA-1, as libFuzzer names its own.
"""
import hashlib
import json
import os
import re
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def write_seeds(target, seeds):
    directory = os.path.join(CORPUS, target)
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    for seed in seeds:
        name = hashlib.sha1(seed).hexdigest()[:16]
        with open(os.path.join(directory, name), "wb") as f:
            f.write(seed)


def chunks(text, size):
    """Pieces of about `size` bytes cut at line ends."""
    out, current = [], b""
    for line in text.splitlines(keepends=True):
        current += line
        if len(current) >= size:
            out.append(current)
            current = b""
    if current:
        out.append(current)
    return out


def subset(dataset, projects, aggregates):
    """The dataset with only `projects` and `aggregates` and the entries they refer to (by id)."""
    kinds = ("sources", "districts", "parks", "industries", "products", "companies")
    kept = {k: [] for k in kinds}
    while True:
        referring = json.dumps([projects, aggregates, kept], ensure_ascii=False)
        grown = {k: [e for e in dataset[k] if '"%s"' % e["id"] in referring] for k in kinds}
        if grown == kept:
            break
        kept = grown
    head = {k: v for k, v in dataset.items() if k not in kinds + ("projects", "aggregates")}
    out = dict(head, **kept, projects=projects, aggregates=aggregates)
    return json.dumps(out, ensure_ascii=False, indent=1).encode()


def dataset_seeds():
    seeds = [read("tests/data/example/example.json")]
    bad = os.path.join(ROOT, "tests", "data", "bad")
    for name in sorted(os.listdir(bad)):
        path = os.path.join(bad, name)
        if name.endswith(".json") and os.path.isfile(path):
            seeds.append(read(os.path.relpath(path, ROOT)))
    wuhai_text = read("data/wuhai.json")
    wuhai = json.loads(wuhai_text)
    # Small valid datasets: two projects, or a few aggregates, with what they refer to.
    for part in (wuhai["projects"][0:2], wuhai["projects"][12:14], wuhai["projects"][-2:]):
        seeds.append(subset(wuhai, part, []))
    seeds.append(subset(wuhai, [], wuhai["aggregates"][:4]))
    # Truncated pieces of the real file.
    for cut in (1500, 9000, 12001):
        seeds.append(wuhai_text[:cut])
    return seeds


def extract_seeds():
    seeds = [read("tests/data/example/sources/example-2024-03-15.txt")]
    articles = os.path.join(ROOT, "tests", "extract", "articles")
    for name in sorted(os.listdir(articles)):
        text = read(os.path.join("tests", "extract", "articles", name))
        if len(text) < 4000:
            seeds.append(text)
            continue
        # From the long articles, the pieces with the most amounts and dates.
        pieces = chunks(text, 1500)
        pieces.sort(key=lambda p: -(p.count("万吨".encode()) + p.count("亿元".encode()) + p.count("年".encode())))
        seeds.extend(pieces[:2])
    # Real articles in traditional script (mirrors with pinyin debris): the conversion to simplified.
    real = os.path.join(ROOT, "tests", "extract", "real", "articles")
    for name in sorted(os.listdir(real)):
        text = read(os.path.join("tests", "extract", "real", "articles", name))
        if "項".encode() in text and len(text) < 4000:
            seeds.append(text)
    seeds.append("预计今年年底建成投产，项目总投资约28.5亿元，建设2条5万吨/年BDO生产线。".encode())
    seeds.append(b"\xff\xfe 2023\xe5\xb9\xb4 10\xe4\xb8\x87\xe5\x90\xa8 \x00\x01")
    return seeds


def filter_seeds():
    lines = [
        "--district\n东区", "--district=West District\n--district\n西", "--park\n示例化工园",
        "--park=Example Chemical Park", "--industry\nbdo-chain", "--product\nBDO\n--product\nPBAT",
        "--product=BOD\n--status\noperating", "--status\n在建\n--status\nsigned", "--company\n示例新材料",
        "--company\nexample-group\n--as-of\n2024-03", "--from\n2023\n--to\n2024-06-30",
        "--from\n2025\n--to\n2024", "--as-of\n2024-02-30", "--search\nBDO 项目\n--search\n二期",
        "--search=示例", "--format\ncsv\n--district", "--district", "--to=", "--unknown\nvalue\n--status\nnope",
        "--from\n2024-13", "list\n--data\nx.json\n--district\n东区",
    ]
    seeds = [line.encode() for line in lines]
    seeds.append(b"--search\0line one\nline two\0--district\0east")
    return seeds


def csv_seeds():
    rows = [
        ["id", "name", "company", "capacity", "total_investment_100m_cny"],
        ["example-bdo", "示例新材料BDO项目", "示例新材料", "10", "28.5"],
        ["=1+2", "-3.5", "+86 138", "@SUM(A1)", "-", "+", "\t=cmd", "\r=x"],
        ["a,b", "say \"hi\"", "line\r\nbreak", "", "'=already"],
        ["-1e5", "-0x10", "-inf", "-.5", "5."],
    ]
    seeds = [b"\x1f".join(c.encode() for c in r) for r in rows]
    seeds.append(b"\x1e".join(seeds[:3]))
    return seeds


def svg_seeds():
    strings = ["乌海市BDO产能", "全市 · BDO · 截至 2024-10-31", "万吨/年",
               "数据来源：乌海日报 2023-01-26、2024-10-15。", "<script>alert(1)</script> & \"q\" 'a'",
               "tab\there\nnewline\rcr", "\x01\x7f\u0085\ufffe]]>", "华恒 BDO 3号线", "γ-丁内酯"]
    joined = "\0".join(strings).encode()
    seeds = [bytes([mode]) + joined for mode in (0, 1, 2, 3)]
    seeds.append(b"\x00\xff\xfe\xed\xa0\x80 invalid\x00ok")
    seeds.append(b"\x01" + "\0".join(["标题", "副标题", "亿元", "来源", "项目甲", "项目乙", "Project C"]).encode())
    return seeds


def dict_entry(token):
    """A libFuzzer dictionary line: the token quoted, quotes, backslashes and non-ASCII as \\xNN."""
    out = ""
    for b in token.encode():
        out += "\\x%02X" % b if b in (0x22, 0x5C) or b < 0x20 or b >= 0x7F else chr(b)
    return '"' + out + '"'


def write_dict(target, comment, tokens):
    with open(os.path.join(ROOT, "tests", "fuzz", target + ".dict"), "w") as f:
        f.write("# libFuzzer dictionary for %s: %s\n# Made by tests/fuzz/make_seeds.py.\n" % (target, comment))
        for token in sorted(set(tokens)):
            f.write(dict_entry(token) + "\n")


def dataset_dict():
    keys, values = set(), set()

    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                keys.add(k)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif isinstance(x, str) and len(x) <= 12 and not re.match(r"^\d{4}", x):
            values.add(x)

    for path in ("data/wuhai.json", "tests/data/example/example.json"):
        walk(json.loads(read(path)))
    tokens = ['"%s":' % k for k in keys] + ['"%s"' % v for v in values]
    tokens += ["1e999", "-1e999", "123456789012345678901234567890", "1.5e-400", "-0", "\\u0000", "\\ud800",
               "\\udc00", "\\ud83d\\ude00", "\\u0064", "\ufeff", "\r\n", "\r", "null", "true", "false", "[]", "{}",
               '"2023-02-30"', '"2024-13"', '"0000"', '"expected": true']
    return tokens


def extract_dict():
    words = re.findall(r'"([^"\\]{1,24})"', read("src/extract/lexicon.cpp").decode())
    tokens = [w for w in words if not w.endswith(".h")]
    tokens += ["2023年", "10月", "24日", "10.4", "１０", "〇", "二〇二三年", "万吨/年", "亿元", "兆瓦", "。", "，", "\n\n"]
    return tokens


def filter_dict():
    return ["--district", "--park", "--industry", "--product", "--status", "--company", "--from", "--to", "--as-of",
            "--search", "--district=", "--as-of=", "\n", "\0", "东区", "西区", "示例化工园", "BDO", "PBAT", "BOD",
            "示例新材料", "示例集团", "bdo-chain", "operating", "在建", "2024", "2024-02-29", "2023-02-29", "0001", "9999-12-31"]


if __name__ == "__main__":
    write_dict("fuzz_dataset", "field names and values of the bundled datasets, and number, escape and "
               "encoding tokens the loader must survive", dataset_dict())
    write_dict("fuzz_extract", "the extractor's vocabulary (src/extract/lexicon.cpp) and number and date "
               "pieces", extract_dict())
    write_dict("fuzz_filter_args", "the filter flags and names of the example dataset", filter_dict())
    write_seeds("fuzz_dataset", dataset_seeds())
    write_seeds("fuzz_extract", extract_seeds())
    write_seeds("fuzz_filter_args", filter_seeds())
    write_seeds("fuzz_csv", csv_seeds())
    write_seeds("fuzz_svg", svg_seeds())
