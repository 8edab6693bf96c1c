"""File › Export: the board cover sheet and its details, the committee pack, the web page and the easy read."""
