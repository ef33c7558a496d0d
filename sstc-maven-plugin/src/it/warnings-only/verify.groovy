// Only a warning (a withdrawn country code in the first NDJSON record), yet failOn=warning fails the build.
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] data/initiatives.ndjson:/0/participants/1/country: warning codelist.withdrawn-code: ')
assert !log.contains('error codelist.')
assert log.contains('sstc: 1 file(s) checked, 1 valid, 0 invalid; 0 error(s), 1 warning(s)')
assert log.contains('1 warning in 1 SSTC file, and failOn is warning:')
assert log.contains('BUILD FAILURE')
