enum OpsDeckCachePlaceholder {}
