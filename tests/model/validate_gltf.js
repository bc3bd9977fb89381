// Runs the Khronos glTF validator (npm package gltf-validator) on one file and prints its
// report: every error and warning with its pointer. Exits with 1 when there is an error.
'use strict';
const fs = require('fs');
const path = require('path');

const [validatorFolder, file] = process.argv.slice(2);
const validator = require(path.join(validatorFolder, 'node_modules', 'gltf-validator'));

validator.validateBytes(new Uint8Array(fs.readFileSync(file)), {uri: path.basename(file), maxIssues: 0})
    .then((report) => {
        const issues = report.issues;
        for (const message of issues.messages) {
            const severity = ['error', 'warning', 'info', 'hint'][message.severity];
            if (message.severity <= 1) console.log(`${severity}: ${message.code}: ${message.message} (${message.pointer || ''})`);
        }
        console.log(`${file}: ${issues.numErrors} errors, ${issues.numWarnings} warnings, ${issues.numInfos} infos, ` +
                    `validator ${report.validatorVersion}`);
        process.exit(issues.numErrors > 0 ? 1 : 0);
    })
    .catch((failure) => {
        console.error(`cannot validate ${file}: ${failure}`);
        process.exit(1);
    });
