// Both files are valid, the build passed, and the json report says so file by file.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('sstc: 2 file(s) checked, 2 valid, 0 invalid; 0 error(s), 0 warning(s)')
assert !log.contains('[ERROR]')
// Nothing but Maven's own log lines: no java.util.logging banner from Hibernate Validator.
assert !log.contains('HV000001')
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/sstc/sstc-report.json'))
assert report*.file == ['src/main/sstc/cassava-seeds.json', 'src/main/sstc/organisation.json']
assert report.every { it.valid && it.issues.isEmpty() && it.schemaVersion == '1.1' } // the version this SDK checks and writes
