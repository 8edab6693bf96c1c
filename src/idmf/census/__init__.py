"""ONS Census 2021 profiles for the evidence base (Step 2): download from Nomis or import the ONS bulk files,
cache them in the app database, and build an area's profile compared with England. Headless: no Qt here.

Entry point for front ends: `idmf.census.service.CensusService(engine)` —
`import_files(paths)`, `download(settings, cancel, progress)`, `area_search(text)`, `profile(area)`,
`attach(repository, assessment_id, tables)`.
"""
