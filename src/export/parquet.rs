//! Parquet, through the column API of the Apache Arrow project's `parquet`
//! crate: a flat schema of optional columns (text as `BYTE_ARRAY`/`STRING`,
//! integers as `INT64`, floats as `DOUBLE`, booleans as `BOOLEAN`, times as
//! `INT64`/`TIMESTAMP(MILLIS, UTC)`), Snappy pages, and a row group every
//! [`PARQUET_ROW_GROUP_BYTES`] bytes of rows, so memory does not grow with
//! the input.

use std::io::Write;
use std::sync::Arc;

use parquet::basic::{Compression, LogicalType, Repetition, TimeUnit, Type as Physical};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;

use super::{COLUMNS, Cell, ColumnType, JobRow, PARQUET_ROW_GROUP_BYTES};
use crate::error::{Error, ErrorKind};

pub(super) struct ParquetWriter<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    rows: Vec<JobRow>,
    /// What `rows` hold ([`JobRow::held_bytes`]).
    held: usize,
}

fn failed(e: &parquet::errors::ParquetError) -> Error {
    Error::new(ErrorKind::Io, format!("writing Parquet: {e}"))
}

/// The schema of [`COLUMNS`].
fn schema() -> Result<Type, parquet::errors::ParquetError> {
    let fields = COLUMNS
        .iter()
        .map(|c| {
            let (physical, logical) = match c.kind {
                ColumnType::Text => (Physical::BYTE_ARRAY, Some(LogicalType::String)),
                ColumnType::Int => (Physical::INT64, None),
                ColumnType::Float => (Physical::DOUBLE, None),
                ColumnType::Bool => (Physical::BOOLEAN, None),
                ColumnType::Time => (
                    Physical::INT64,
                    Some(LogicalType::timestamp(true, TimeUnit::MILLIS)),
                ),
            };
            Type::primitive_type_builder(c.name, physical)
                .with_repetition(Repetition::OPTIONAL)
                .with_logical_type(logical)
                .build()
                .map(Arc::new)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Type::group_type_builder("job").with_fields(fields).build()
}

impl<W: Write + Send> ParquetWriter<W> {
    pub(super) fn new(out: W) -> Result<Self, Error> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("dts-job-detail {}", env!("CARGO_PKG_VERSION")))
            .build();
        let schema = schema().map_err(|e| failed(&e))?;
        let writer =
            SerializedFileWriter::new(out, Arc::new(schema), Arc::new(props)).map_err(|e| failed(&e))?;
        Ok(ParquetWriter {
            writer,
            rows: Vec::new(),
            held: 0,
        })
    }

    pub(super) fn write_rows(&mut self, rows: &[JobRow]) -> Result<(), Error> {
        for row in rows {
            self.rows.push(row.clone());
            self.held += row.held_bytes();
            if self.held >= PARQUET_ROW_GROUP_BYTES {
                self.row_group()?;
            }
        }
        Ok(())
    }

    pub(super) fn finish(mut self) -> Result<W, Error> {
        if !self.rows.is_empty() {
            self.row_group()?;
        }
        self.writer.into_inner().map_err(|e| failed(&e))
    }

    /// Writes the buffered rows as one row group.
    fn row_group(&mut self) -> Result<(), Error> {
        let rows = std::mem::take(&mut self.rows);
        self.held = 0;
        let mut group = self.writer.next_row_group().map_err(|e| failed(&e))?;
        let mut index = 0;
        while let Some(mut column) = group.next_column().map_err(|e| failed(&e))? {
            // each row's cell of this column (made again per column: no table of
            // every cell is held beside the rows)
            let cells = rows.iter().map(|row| row.cells().get(index).copied());
            let mut levels: Vec<i16> = Vec::with_capacity(rows.len());
            let written = match COLUMNS.get(index).map(|c| c.kind) {
                Some(ColumnType::Text) => {
                    let values: Vec<ByteArray> = present(cells, &mut levels, |c| match c {
                        Cell::Text(Some(s)) => Some(ByteArray::from(s.as_bytes().to_vec())),
                        _ => None,
                    });
                    column
                        .typed::<ByteArrayType>()
                        .write_batch(&values, Some(&levels), None)
                }
                Some(ColumnType::Int | ColumnType::Time) => {
                    let values: Vec<i64> = present(cells, &mut levels, |c| match c {
                        Cell::Int(n) => n,
                        Cell::Time(t) => t.map(|t| t.timestamp_millis()),
                        _ => None,
                    });
                    column
                        .typed::<Int64Type>()
                        .write_batch(&values, Some(&levels), None)
                }
                Some(ColumnType::Float) => {
                    let values: Vec<f64> = present(cells, &mut levels, |c| match c {
                        Cell::Float(f) => f,
                        _ => None,
                    });
                    column
                        .typed::<DoubleType>()
                        .write_batch(&values, Some(&levels), None)
                }
                Some(ColumnType::Bool) => {
                    let values: Vec<bool> = present(cells, &mut levels, |c| match c {
                        Cell::Bool(b) => b,
                        _ => None,
                    });
                    column
                        .typed::<BoolType>()
                        .write_batch(&values, Some(&levels), None)
                }
                None => {
                    return Err(Error::new(
                        ErrorKind::Io,
                        "writing Parquet: more columns than declared",
                    ));
                }
            };
            written.map_err(|e| failed(&e))?;
            column.close().map_err(|e| failed(&e))?;
            index += 1;
        }
        group.close().map_err(|e| failed(&e))?;
        Ok(())
    }
}

/// The values of one column that are not null, and the definition level of
/// every row (1: a value, 0: null).
fn present<'a, T>(
    cells: impl Iterator<Item = Option<Cell<'a>>>,
    levels: &mut Vec<i16>,
    value: impl Fn(Cell<'a>) -> Option<T>,
) -> Vec<T> {
    let mut values = Vec::new();
    for cell in cells {
        match cell.and_then(&value) {
            Some(v) => {
                values.push(v);
                levels.push(1);
            }
            None => levels.push(0),
        }
    }
    values
}
