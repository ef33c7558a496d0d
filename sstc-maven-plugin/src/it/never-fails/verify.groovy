// failOn=never: the build passes; the error is reported by severity, but not as [ERROR].
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] src/main/sstc/cassava-seeds.json:/sdgs/0/target: error rule.sdg-target-goal: ')
assert log.contains('[WARNING] sstc: 1 file(s) checked, 0 valid, 1 invalid; 1 error(s), 0 warning(s)')
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')
