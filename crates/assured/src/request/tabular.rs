//! A listing read as a table: [`List::table`], and [`List::df`] (feature
//! `polars`), the Python client's `list_*_df`.

use assured_core::Error;
use assured_models::catalog::PagedEndpoint;
use futures_util::TryStreamExt as _;

use super::List;
use crate::table::{Table, TableError, Tabular, flatten::Builder};

/// Why a listing could not be read as a table.
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum ListTableError {
    /// The listing failed.
    #[error(transparent)]
    Request(#[from] Error),
    /// The records could not be made a table or a `DataFrame`.
    #[error(transparent)]
    Table(#[from] TableError),
}

impl<E> List<'_, E>
where
    E: PagedEndpoint,
    E::Response: Tabular + Send + 'static,
{
    /// Every record, flattened into a [`Table`] as the pages arrive (the
    /// rows for CSV files and printed tables).
    ///
    /// # Errors
    /// The listing's error, or a [`TableError`].
    pub async fn table(self) -> Result<Table, ListTableError> {
        let mut records = self.stream();
        let mut builder = Builder::new(E::Response::COLUMNS);
        while let Some(record) = records.try_next().await? {
            builder.push_record(&record)?;
        }
        Ok(builder.finish())
    }

    /// Every record as a polars `DataFrame` (assured-py's `list_*_df`):
    /// the columns of [`table`](List::table), typed from the models, with
    /// zero rows (and every declared column) for an empty listing.
    ///
    /// The frame is built on tokio's blocking pool, not on the runtime's
    /// worker threads.
    ///
    /// ```no_run
    /// # async fn run(client: assured::Client) -> Result<(), assured::request::ListTableError> {
    /// let providers = client.providers().list().is_active(true).df().await?;
    /// println!("{}", providers.height());
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The listing's error, or [`TableError::Frame`].
    #[cfg(feature = "polars")]
    pub async fn df(self) -> Result<polars_core::prelude::DataFrame, ListTableError> {
        let table = self.table().await?;
        let frame = tokio::task::spawn_blocking(move || crate::table::to_dataframe(&table))
            .await
            .map_err(|err| TableError::Frame(format!("the frame builder stopped: {err}")))?;
        Ok(frame?)
    }
}
