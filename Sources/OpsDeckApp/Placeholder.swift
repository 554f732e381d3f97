enum OpsDeckAppPlaceholder {}
