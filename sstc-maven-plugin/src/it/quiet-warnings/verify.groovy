// Under mvn -q only errors are logged: the [WARNING] lines are gone, so the failure lists the issue.
def log = new File(basedir, 'build.log').text
assert !log.contains('[WARNING] data/initiatives.ndjson')
assert log.contains('1 warning in 1 SSTC file, and failOn is warning:')
assert log.contains('  data/initiatives.ndjson:/0/participants/1/country: warning codelist.withdrawn-code: ')
