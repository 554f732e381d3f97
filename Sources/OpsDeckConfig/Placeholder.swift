enum OpsDeckConfigPlaceholder {}
