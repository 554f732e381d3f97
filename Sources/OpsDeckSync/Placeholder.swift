enum OpsDeckSyncPlaceholder {}
