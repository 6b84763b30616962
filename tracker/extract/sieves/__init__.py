"""The sieves: one module per construction, applied in the order `pipeline.SIEVES` lists."""
