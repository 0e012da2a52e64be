// Two read-only views of a parsed JSON value with the same small interface, so the dataset
// builder is written once and runs on either parser: simdjson (fast, the default) or nlohmann
// (the reference; used for precise syntax-error positions and in the load benchmark).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <simdjson.h>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "core/units.h"

namespace indtrack {

enum class JsonKind { Null, Bool, Number, String, Array, Object };

// "string \"十万\"", "number 12", "array", ... for "expected X, got Y" messages.
inline std::string describe_json_value(JsonKind kind, std::string_view scalar_text) {
  switch (kind) {
    case JsonKind::Null:
      return "null";
    case JsonKind::Bool:
      return "boolean " + std::string(scalar_text);
    case JsonKind::Number:
      return "number " + std::string(scalar_text);
    case JsonKind::String:
      return "string \"" + shorten(scalar_text, 40) + "\"";
    case JsonKind::Array:
      return "an array";
    case JsonKind::Object:
      return "an object";
  }
  return "a value";
}

class NlohmannNode {
 public:
  explicit NlohmannNode(const nlohmann::json& j) : j_(&j) {}
  JsonKind kind() const {
    switch (j_->type()) {
      case nlohmann::json::value_t::null:
        return JsonKind::Null;
      case nlohmann::json::value_t::boolean:
        return JsonKind::Bool;
      case nlohmann::json::value_t::number_integer:
      case nlohmann::json::value_t::number_unsigned:
      case nlohmann::json::value_t::number_float:
        return JsonKind::Number;
      case nlohmann::json::value_t::string:
        return JsonKind::String;
      case nlohmann::json::value_t::array:
        return JsonKind::Array;
      default:
        return JsonKind::Object;
    }
  }
  bool is_integer() const { return j_->is_number_integer(); }
  bool get_bool() const { return j_->get<bool>(); }
  double get_number() const { return j_->get<double>(); }
  std::int64_t get_integer() const { return j_->get<std::int64_t>(); }
  std::string_view get_string() const { return j_->get_ref<const std::string&>(); }
  template <class F>
  void for_each_member(F&& f) const {
    for (auto it = j_->begin(); it != j_->end(); ++it) f(std::string_view(it.key()), NlohmannNode(*it));
  }
  template <class F>
  void for_each_element(F&& f) const {
    int i = 0;
    for (const auto& e : *j_) f(i++, NlohmannNode(e));
  }
  std::size_t size() const { return j_->size(); }
  nlohmann::json to_json() const { return *j_; }
  std::string describe() const {
    const JsonKind k = kind();
    if (k == JsonKind::String) return describe_json_value(k, get_string());
    if (k == JsonKind::Number || k == JsonKind::Bool) return describe_json_value(k, j_->dump());
    return describe_json_value(k, {});
  }

 private:
  const nlohmann::json* j_;
};

class SimdjsonNode {
 public:
  explicit SimdjsonNode(simdjson::dom::element e) : e_(e) {}
  JsonKind kind() const {
    switch (e_.type()) {
      case simdjson::dom::element_type::NULL_VALUE:
        return JsonKind::Null;
      case simdjson::dom::element_type::BOOL:
        return JsonKind::Bool;
      case simdjson::dom::element_type::INT64:
      case simdjson::dom::element_type::UINT64:
      case simdjson::dom::element_type::DOUBLE:
        return JsonKind::Number;
      case simdjson::dom::element_type::STRING:
        return JsonKind::String;
      case simdjson::dom::element_type::ARRAY:
        return JsonKind::Array;
      default:
        return JsonKind::Object;
    }
  }
  bool is_integer() const {
    return e_.type() == simdjson::dom::element_type::INT64 ||
           e_.type() == simdjson::dom::element_type::UINT64;
  }
  bool get_bool() const { return bool(e_.get_bool().value_unsafe()); }
  double get_number() const {
    switch (e_.type()) {
      case simdjson::dom::element_type::INT64:
        return double(e_.get_int64().value_unsafe());
      case simdjson::dom::element_type::UINT64:
        return double(e_.get_uint64().value_unsafe());
      default:
        return e_.get_double().value_unsafe();
    }
  }
  std::int64_t get_integer() const {
    return e_.type() == simdjson::dom::element_type::UINT64
               ? static_cast<std::int64_t>(e_.get_uint64().value_unsafe())
               : e_.get_int64().value_unsafe();
  }
  std::string_view get_string() const { return e_.get_string().value_unsafe(); }
  template <class F>
  void for_each_member(F&& f) const {
    simdjson::dom::object object;
    if (e_.get_object().get(object)) return;
    for (auto field : object) f(field.key, SimdjsonNode(field.value));
  }
  template <class F>
  void for_each_element(F&& f) const {
    simdjson::dom::array array;
    if (e_.get_array().get(array)) return;
    int i = 0;
    for (auto v : array) f(i++, SimdjsonNode(v));
  }
  std::size_t size() const {
    simdjson::dom::array array;
    if (!e_.get_array().get(array)) return array.size();
    simdjson::dom::object object;
    if (!e_.get_object().get(object)) return object.size();
    return 0;
  }
  nlohmann::json to_json() const {
    switch (e_.type()) {
      case simdjson::dom::element_type::NULL_VALUE:
        return nullptr;
      case simdjson::dom::element_type::BOOL:
        return get_bool();
      case simdjson::dom::element_type::INT64:
        return e_.get_int64().value_unsafe();
      case simdjson::dom::element_type::UINT64:
        return e_.get_uint64().value_unsafe();
      case simdjson::dom::element_type::DOUBLE:
        return e_.get_double().value_unsafe();
      case simdjson::dom::element_type::STRING:
        return std::string(get_string());
      case simdjson::dom::element_type::ARRAY: {
        nlohmann::json arr = nlohmann::json::array();
        for_each_element([&](int, const SimdjsonNode& v) { arr.push_back(v.to_json()); });
        return arr;
      }
      default: {
        nlohmann::json obj = nlohmann::json::object();
        for_each_member(
            [&](std::string_view key, const SimdjsonNode& v) { obj[std::string(key)] = v.to_json(); });
        return obj;
      }
    }
  }
  std::string describe() const { return describe_json_value(kind(), scalar_text()); }

 private:
  std::string scalar_text() const {
    switch (kind()) {
      case JsonKind::String:
        return std::string(get_string());
      case JsonKind::Bool:
        return get_bool() ? "true" : "false";
      case JsonKind::Number:
        return to_json().dump();
      default:
        return {};
    }
  }
  simdjson::dom::element e_;
};

}  // namespace indtrack
