// The build failed (invoker.properties) because of the record, and the log says where and why.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/sstc/cassava-seeds.json:/sdgs/0/target: error rule.sdg-target-goal: ')
assert log.contains('sstc: 1 file(s) checked, 0 valid, 1 invalid; 1 error(s), 0 warning(s)')
assert log.contains('sstc: 1 of 1 SSTC file(s) invalid (1 error(s), 0 warning(s))')
assert log.contains('BUILD FAILURE')
// No report file was asked for.
assert !new File(basedir, 'target/sstc/sstc-report.json').exists()
