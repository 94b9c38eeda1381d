"""Earlier sample vintages of the EIA-860M snapshot, derived from the August 2026 sample.

Each vintage is what the inventory said at the start of its month: operating units that began
operating later are still planned (by default on time, status V), units retired later are still
operating, and PLANS gives the units whose history differs (planned dates that slipped, statuses
that changed, units canceled later, and units that vanish from the inventory altogether).
Together the January vintages 2023-2026 exercise every outcome of planned_realisation:
  cohort 2023: BESS1 on time, PV1 slipped, PW3 canceled, VAN1 vanished;
  cohort 2024: SHS4 and BESS3 online, PW4 slipped, GT6 canceled, VAN2 vanished;
  cohort 2025: GT4 and PW4 online, PV1, PV2, BHW1 and PV0 slipped.
"""

# The vintages written besides August 2026: (month name, year, month, old layout).
# January 2023 is written in the header layout of the early workbooks, as PUDL's column maps
# record it for 2015-2016 (Sector Name rather than Sector; no Balancing Authority Code, Net Winter
# Capacity or Unit Code column; one title row on every sheet): the reader must find its columns by name.
VINTAGES = [("january", 2023, 1, True), ("january", 2024, 1, False), ("january", 2025, 1, False),
            ("january", 2026, 1, False), ("july", 2026, 7, False)]

# Units operating in August 2026 that began operating in 2024-2026 (appended to the August sample).
NEW_OPERATING = [
    (61004, "SHS4", " ", 120.0, 119.0, 120.0, "Solar Photovoltaic", "SUN", "PV", 6, 2024, None, None, "OP", " ", 156.0),
    (61009, "BESS3", " ", 150.0, 150.0, 150.0, "Batteries", "MWH", "BA", 11, 2024, None, None, "OP", 600.0, " "),
    (61018, "GT4", " ", 230.0, 215.0, 228.0, "Natural Gas Fired Combustion Turbine", "NG", "GT", 5, 2025, None, None, "OP", " ", " "),
    (61005, "PW4", " ", 180.0, 180.0, 180.0, "Onshore Wind Turbine", "WND", "WT", 2, 2025, None, None, "OP", " ", " "),
    (61021, "PV0", " ", 250.0, 250.0, 250.0, "Solar Photovoltaic", "SUN", "PV", 3, 2026, None, None, "OP", " ", 325.0),
]

# Units only the early vintages list: plant, generator, nameplate, technology, energy, prime mover.
EXTRA = {
    (61012, "VAN1"): (20.0, "Solar Photovoltaic", "SUN", "PV"),
    (61013, "VAN2"): (5.0, "Landfill Gas", "LFG", "IC"),
}

# (plant, generator) -> {(year, month) of the vintage: ("planned" | "canceled", planned month, year, status) or None (absent)}.
P, C = "planned", "canceled"
PLANS = {
    (61009, "BESS1"): {(2023, 1): (P, 6, 2023, "U")},
    (61021, "PV1"): {(2023, 1): (P, 10, 2023, "T"), (2024, 1): (P, 6, 2025, "T"), (2025, 1): (P, 9, 2025, "U"), (2026, 1): (P, 12, 2026, "V")},
    (61005, "PW3"): {(2023, 1): (P, 12, 2023, "L"), (2024, 1): (C, 12, 2023, "CN"), (2025, 1): (C, 12, 2023, "CN"), (2026, 1): (C, 12, 2023, "CN"), (2026, 7): (C, 12, 2023, "CN")},
    (61012, "VAN1"): {(2023, 1): (P, 9, 2023, "P")},
    (61018, "GT6"): {(2023, 1): (P, 12, 2024, "P"), (2024, 1): (P, 12, 2024, "P"), (2025, 1): (C, 12, 2024, "CN")},
    (61013, "VAN2"): {(2024, 1): (P, 5, 2024, "P")},
    (61021, "PV2"): {(2023, 1): None, (2024, 1): (P, 11, 2025, "T"), (2025, 1): (P, 11, 2025, "T"), (2026, 1): (P, 3, 2027, "T")},
    (61022, "BHW1"): {(2023, 1): None, (2024, 1): (P, 12, 2025, "T"), (2025, 1): (P, 12, 2025, "U"), (2026, 1): (P, 10, 2026, "V")},
    (61009, "BESS3"): {(2023, 1): None, (2024, 1): (P, 8, 2024, "U")},
    (61018, "GT4"): {(2023, 1): None, (2024, 1): (P, 5, 2025, "T"), (2025, 1): (P, 5, 2025, "V")},
    (61005, "PW4"): {(2023, 1): None, (2024, 1): (P, 10, 2024, "T"), (2025, 1): (P, 2, 2025, "V")},
    (61021, "PV0"): {(2023, 1): None, (2024, 1): (P, 12, 2025, "T"), (2025, 1): (P, 12, 2025, "U"), (2026, 1): (P, 3, 2026, "V")},
}


def _plan(key, vintage):
    """The unit's entry for the vintage: missing from PLANS means the default derivation."""
    history = PLANS.get(key, {})
    if vintage in history:
        return True, history[vintage]
    return False, None


def derive(vintage, operating, planned, retired, canceled):
    """The four sheets' rows as of the vintage (year, month), from the August 2026 rows."""
    out_op, out_pl, out_re, out_cn = [], [], [], []

    def place(common, entry, mwh, dc):
        kind, month, year, status = entry
        if kind == P:
            out_pl.append(common + (month, year, status, mwh, dc))
        else:
            out_cn.append(common + (month, year, status))

    for row in operating:
        common, (om, oy), mwh, dc = row[:9], row[9:11], row[14], row[15]
        found, entry = _plan(row[:2], vintage)
        if found:
            if entry is not None:
                place(common, entry, mwh, dc)
        elif (oy, om) < vintage:
            out_op.append(row)
        else:
            out_pl.append(common + (om, oy, "V", mwh, dc))
    for row in retired:
        common, (rm, ry), (om, oy) = row[:9], row[9:11], row[11:13]
        if (ry, rm) < vintage:
            out_re.append(row)
        else:
            out_op.append(common + (om, oy, rm, ry, "OP", " ", " "))
    for rows, kind in ((planned, P), (canceled, C)):
        for row in rows:
            common = row[:9]
            found, entry = _plan(row[:2], vintage)
            if not found:
                entry = (kind,) + tuple(row[9:12])
            if entry is not None:
                place(common, entry, row[12] if kind == P else " ", row[13] if kind == P else " ")
    for key, (mw, tech, energy, pm) in EXTRA.items():
        found, entry = _plan(key, vintage)
        if found and entry is not None:
            place((key[0], key[1], " ", mw, mw, mw, tech, energy, pm), entry, " ", " ")
    return out_op, out_pl, out_re, out_cn
