//! Date, time and number span extraction (contract: shared/spec/spans.md).
