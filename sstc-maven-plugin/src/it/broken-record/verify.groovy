import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

// The build failed (invoker.properties) because of the record, and the log says where and why.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/sstc/cassava-seeds.json:/sdgs/0/target: error rule.sdg-target-goal: ')
assert log.contains('sstc: 1 file(s) checked, 0 valid, 1 invalid; 1 error(s), 0 warning(s)')
assert log.contains('sstc: 1 of 1 SSTC file invalid (1 error, 0 warnings):')
assert log.contains('BUILD FAILURE')
// Only the reports asked for: sarif and junit, written before the build failed.
assert !new File(basedir, 'target/sstc/sstc-report.json').exists()
assert log.contains('sstc: sarif report in ')
assert log.contains('sstc: junit report in ')

// SARIF: one result, at the broken file (relative to the project), with the rule and the pointer.
def sarifFile = new File(basedir, 'target/sstc/sstc.sarif')
assert sarifFile.isFile()
def sarif = new JsonSlurper().parse(sarifFile, 'UTF-8')
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
assert run.tool.driver.name == 'sstc'
assert run.results.size() == 1
def result = run.results[0]
assert result.ruleId == 'rule.sdg-target-goal'
assert result.level == 'error'
assert result.locations[0].physicalLocation.artifactLocation.uri == 'src/main/sstc/cassava-seeds.json'
assert result.locations[0].physicalLocation.region.startLine == 36 // "target": "3.4"
assert result.properties.pointer == '/sdgs/0/target'
assert run.tool.driver.rules*.id == ['rule.sdg-target-goal']

// JUnit XML: one suite for the file, whose one testcase (the record) fails with the rule and the pointer.
def junitFile = new File(basedir, 'target/sstc/TEST-sstc.xml')
assert junitFile.isFile()
def suites = new XmlSlurper().parse(junitFile)
def suite = suites.testsuite[0]
assert suite.@name.text() == 'src/main/sstc/cassava-seeds.json'
assert suite.@tests.text() == '1'
assert suite.@failures.text() == '1'
def failure = suite.testcase[0].failure
assert failure.@type.text() == 'rule.sdg-target-goal'
assert failure.@message.text().contains('rule.sdg-target-goal at /sdgs/0/target')
assert suite.testcase[0].@name.text() == 'XM-DAC-41301-SSTC-2023-0007'
