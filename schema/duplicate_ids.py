"""What a `duplicate-id` line says, wherever the repeat is found: in one folder (Pandera's uniqueness
check, validate) and across partitions (`validate --engine`'s key pass), so both report alike. It
had said "Pandera check field_uniqueness failed" on every row, naming a check, not what to do
(newuser59)."""

DUPLICATE_ID_MESSAGE = ("this value stands in more than one row, and the column's values are unique: every row "
                        "holding it is listed; keep one, or give the others ids of their own")
