"""Rule-based extraction and TimeML normalization of temporal expressions."""
