#include "core/error.h"

namespace core {

std::string Error::describe() const
{
    std::string text;
    if (!file.empty()) {
        text += file;
        if (line > 0) {
            text += ':' + std::to_string(line);
            if (column > 0) text += ':' + std::to_string(column);
        }
        text += ": ";
    }
    if (!field.empty()) text += field + ": ";
    text += message;
    return text;
}

Error makeError(std::string message)
{
    Error error;
    error.message = std::move(message);
    return error;
}

Error makeFileError(std::string file, std::string message)
{
    Error error;
    error.file = std::move(file);
    error.message = std::move(message);
    return error;
}

} // namespace core
