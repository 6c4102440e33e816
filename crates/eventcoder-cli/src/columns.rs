//! Arrow record batches of event tables, built row by row: the column builder behind the CLI's
//! Parquet tables ([`crate::flat`]) and the Python package's Arrow tables (`to_arrow`,
//! `Coder.code_arrow`).
//!
//! A [`BatchBuilder`] holds one Arrow builder per field of a schema. Each table writes its rows
//! with a [`Row`], one value per column in schema order; [`BatchBuilder::finish`] hands the
//! buffered rows over as a [`RecordBatch`].
//!
//! ```
//! use std::sync::Arc;
//! use arrow_schema::{DataType, Field, Schema};
//! use eventcoder_cli::columns::BatchBuilder;
//!
//! let schema = Arc::new(Schema::new(vec![
//!     Field::new("code", DataType::Utf8, false),
//!     Field::new("start", DataType::Int32, true),
//! ]));
//! let mut b = BatchBuilder::new(schema).unwrap();
//! b.row().str(Some("042")).int(None);
//! b.row().str(Some("190")).int(Some(7));
//! let batch = b.finish().unwrap();
//! assert_eq!((batch.num_rows(), batch.column(1).null_count()), (2, 1));
//! ```

#![warn(missing_docs)]

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float32Builder, Int8Builder, Int32Builder, Int64Builder,
    ListBuilder, StringBuilder,
};
use arrow_array::types::Date32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, FieldRef, SchemaRef};
use chrono::NaiveDate;

/// Text bytes a string column may hold before [`BatchBuilder::is_full`] says to finish the
/// batch: 32-bit Arrow offsets address at most 2 GiB.
const TEXT_BYTES: usize = 1 << 30;

/// One column's builder.
enum Column {
    Utf8(StringBuilder),
    Int8(Int8Builder),
    Int32(Int32Builder),
    Int64(Int64Builder),
    Float32(Float32Builder),
    Boolean(BooleanBuilder),
    Date32(Date32Builder),
    /// A list of strings; its item field.
    Utf8List(ListBuilder<StringBuilder>),
}

impl Column {
    fn new(field: &FieldRef) -> Result<Column, ArrowError> {
        Ok(match field.data_type() {
            DataType::Utf8 => Column::Utf8(StringBuilder::new()),
            DataType::Int8 => Column::Int8(Int8Builder::new()),
            DataType::Int32 => Column::Int32(Int32Builder::new()),
            DataType::Int64 => Column::Int64(Int64Builder::new()),
            DataType::Float32 => Column::Float32(Float32Builder::new()),
            DataType::Boolean => Column::Boolean(BooleanBuilder::new()),
            DataType::Date32 => Column::Date32(Date32Builder::new()),
            DataType::List(item) if item.data_type() == &DataType::Utf8 => {
                Column::Utf8List(ListBuilder::new(StringBuilder::new()).with_field(item.clone()))
            }
            other => {
                return Err(ArrowError::NotYetImplemented(format!(
                    "event table column {:?} of type {other}",
                    field.name()
                )));
            }
        })
    }

    fn text_bytes(&self) -> usize {
        match self {
            Column::Utf8(b) => b.values_slice().len(),
            Column::Utf8List(b) => b.values_ref().values_slice().len(),
            _ => 0,
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Column::Utf8(b) => Arc::new(b.finish()),
            Column::Int8(b) => Arc::new(b.finish()),
            Column::Int32(b) => Arc::new(b.finish()),
            Column::Int64(b) => Arc::new(b.finish()),
            Column::Float32(b) => Arc::new(b.finish()),
            Column::Boolean(b) => Arc::new(b.finish()),
            Column::Date32(b) => Arc::new(b.finish()),
            Column::Utf8List(b) => Arc::new(b.finish()),
        }
    }
}

/// The builders of a record batch: one per field of its schema, filled a row at a time.
pub struct BatchBuilder {
    schema: SchemaRef,
    columns: Vec<Column>,
    rows: usize,
}

impl BatchBuilder {
    /// Builders for `schema`. Its fields may be `Utf8`, `Int8`, `Int32`, `Int64`, `Float32`,
    /// `Boolean`, `Date32` or a `List` of `Utf8`; another type is an error.
    pub fn new(schema: SchemaRef) -> Result<BatchBuilder, ArrowError> {
        let columns = (schema.fields().iter())
            .map(Column::new)
            .collect::<Result<_, _>>()?;
        Ok(BatchBuilder {
            schema,
            columns,
            rows: 0,
        })
    }

    /// The schema of the batches.
    pub fn schema(&self) -> &SchemaRef {
        &self.schema
    }

    /// A new row: give it one value per column, in schema order.
    ///
    /// # Panics
    ///
    /// A [`Row`] method panics when its value does not fit the column's type, or when a row has
    /// more values than columns: a fault in the table's definition, not in the data. (A row
    /// with fewer values than columns leaves the batch unusable: [`BatchBuilder::finish`]
    /// fails.)
    pub fn row(&mut self) -> Row<'_> {
        self.rows += 1;
        Row {
            columns: self.columns.iter_mut(),
        }
    }

    /// How many rows are buffered.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Whether a text column is near the 2 GiB that one batch's 32-bit offsets address: finish
    /// the batch before adding more rows.
    pub fn is_full(&self) -> bool {
        self.columns.iter().any(|c| c.text_bytes() >= TEXT_BYTES)
    }

    /// The buffered rows as a record batch; the builders start empty again.
    pub fn finish(&mut self) -> Result<RecordBatch, ArrowError> {
        self.rows = 0;
        let columns = self.columns.iter_mut().map(Column::finish).collect();
        RecordBatch::try_new(self.schema.clone(), columns)
    }
}

/// The values of one row, given in column order (see [`BatchBuilder::row`]). Integers saturate
/// at the column's width; `None` is a null.
pub struct Row<'a> {
    columns: std::slice::IterMut<'a, Column>,
}

impl Row<'_> {
    fn next(&mut self) -> &mut Column {
        self.columns.next().expect("no more values than columns")
    }

    /// A text, for a `Utf8` column.
    pub fn str(&mut self, v: Option<&str>) -> &mut Self {
        match self.next() {
            Column::Utf8(b) => b.append_option(v),
            _ => panic!("a text for a column that is not Utf8"),
        }
        self
    }

    /// An integer, for an `Int8`, `Int32` or `Int64` column (saturating).
    pub fn int(&mut self, v: Option<i64>) -> &mut Self {
        fn sat<T: TryFrom<i64> + Copy>(v: i64, min: T, max: T) -> T {
            T::try_from(v).unwrap_or(if v < 0 { min } else { max })
        }
        match self.next() {
            Column::Int8(b) => b.append_option(v.map(|v| sat(v, i8::MIN, i8::MAX))),
            Column::Int32(b) => b.append_option(v.map(|v| sat(v, i32::MIN, i32::MAX))),
            Column::Int64(b) => b.append_option(v),
            _ => panic!("an integer for a column that is not an integer"),
        }
        self
    }

    /// A count or an offset, for an integer column (saturating).
    pub fn count(&mut self, v: Option<usize>) -> &mut Self {
        self.int(v.map(|v| i64::try_from(v).unwrap_or(i64::MAX)))
    }

    /// A float, for a `Float32` column.
    pub fn float(&mut self, v: Option<f32>) -> &mut Self {
        match self.next() {
            Column::Float32(b) => b.append_option(v),
            _ => panic!("a float for a column that is not Float32"),
        }
        self
    }

    /// A boolean, for a `Boolean` column.
    pub fn bool(&mut self, v: Option<bool>) -> &mut Self {
        match self.next() {
            Column::Boolean(b) => b.append_option(v),
            _ => panic!("a boolean for a column that is not Boolean"),
        }
        self
    }

    /// A date, for a `Date32` column.
    pub fn date(&mut self, v: Option<NaiveDate>) -> &mut Self {
        match self.next() {
            Column::Date32(b) => b.append_option(v.map(Date32Type::from_naive_date)),
            _ => panic!("a date for a column that is not Date32"),
        }
        self
    }

    /// A list of texts (never null), for a `List` of `Utf8` column.
    pub fn strs<S: AsRef<str>>(&mut self, values: impl IntoIterator<Item = S>) -> &mut Self {
        self.opt_strs(Some(values))
    }

    /// A list of texts, or `None` for a null, for a `List` of `Utf8` column.
    pub fn opt_strs<S: AsRef<str>>(
        &mut self,
        values: Option<impl IntoIterator<Item = S>>,
    ) -> &mut Self {
        match self.next() {
            Column::Utf8List(b) => {
                let valid = values.is_some();
                for v in values.into_iter().flatten() {
                    b.values().append_value(v);
                }
                b.append(valid);
            }
            _ => panic!("a list for a column that is not a list of Utf8"),
        }
        self
    }
}

/// `YYYY-MM-DD` to a date, remembering the last one: the events of an article mostly share a
/// date, and the JSON record holds it as text.
#[derive(Debug, Default)]
pub struct Dates {
    text: String,
    date: Option<NaiveDate>,
}

impl Dates {
    /// The date written as `text` (`None` for none, or for text that is no date).
    pub fn get(&mut self, text: Option<&str>) -> Option<NaiveDate> {
        let text = text?;
        if text != self.text {
            self.text.clear();
            self.text.push_str(text);
            self.date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
        }
        self.date
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Int8Type, Int32Type};
    use arrow_array::{Array, ListArray};
    use arrow_schema::{Field, Schema};

    fn schema() -> SchemaRef {
        Arc::new(Schema::new(vec![
            Field::new("s", DataType::Utf8, true),
            Field::new("i8", DataType::Int8, false),
            Field::new("i32", DataType::Int32, true),
            Field::new("d", DataType::Date32, true),
            Field::new(
                "l",
                DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
                true,
            ),
        ]))
    }

    #[test]
    fn rows_become_typed_columns() {
        let mut b = BatchBuilder::new(schema()).unwrap();
        let day = NaiveDate::from_ymd_opt(2024, 1, 3);
        b.row()
            .str(Some("a"))
            .int(Some(300))
            .int(None)
            .date(day)
            .strs(["x", "y"]);
        b.row()
            .str(None)
            .int(Some(-300))
            .count(Some(5))
            .date(None)
            .strs::<&str>([]);
        b.row()
            .str(None)
            .int(Some(0))
            .int(None)
            .date(None)
            .opt_strs(None::<[&str; 0]>);
        assert_eq!(b.rows(), 3);
        let batch = b.finish().unwrap();
        assert_eq!(b.rows(), 0);
        assert_eq!(batch.schema(), schema());
        let s = batch.column(0).as_string::<i32>();
        assert_eq!((s.value(0), s.is_null(1)), ("a", true));
        let i8s = batch.column(1).as_primitive::<Int8Type>();
        assert_eq!((i8s.value(0), i8s.value(1)), (i8::MAX, i8::MIN));
        let i32s = batch.column(2).as_primitive::<Int32Type>();
        assert_eq!((i32s.is_null(0), i32s.value(1)), (true, 5));
        assert_eq!(batch.column(3).null_count(), 2);
        let l = batch
            .column(4)
            .as_any()
            .downcast_ref::<ListArray>()
            .unwrap();
        assert_eq!(
            (l.value_length(0), l.value_length(1), l.null_count()),
            (2, 0, 1)
        );
        assert!(l.is_null(2) && !l.is_null(1));
        // The builders are empty again.
        assert_eq!(b.finish().unwrap().num_rows(), 0);
    }

    #[test]
    fn unsupported_types_are_refused() {
        let schema = Arc::new(Schema::new(vec![Field::new("f", DataType::Float64, false)]));
        assert!(BatchBuilder::new(schema).is_err());
    }

    #[test]
    #[should_panic(expected = "not an integer")]
    fn a_value_of_the_wrong_type_panics() {
        BatchBuilder::new(schema()).unwrap().row().int(Some(1));
    }

    #[test]
    fn dates_are_remembered() {
        let mut d = Dates::default();
        assert_eq!(
            d.get(Some("2024-01-03")),
            NaiveDate::from_ymd_opt(2024, 1, 3)
        );
        assert_eq!(
            d.get(Some("2024-01-03")),
            NaiveDate::from_ymd_opt(2024, 1, 3)
        );
        assert_eq!(d.get(Some("nope")), None);
        assert_eq!(d.get(None), None);
    }
}
