"""The only place that imports Rich or writes HTML/xlsx."""
