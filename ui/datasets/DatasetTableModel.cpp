#include "ui/datasets/DatasetTableModel.h"

#include "ui/datasets/DatasetCommands.h"
#include "workspace/DatasetRepository.h"

#include <QUndoStack>

#include <algorithm>

namespace tb { namespace ui {

DatasetTableModel::DatasetTableModel(QUndoStack* undo, QObject* parent) : QAbstractTableModel(parent), undo_(undo) {}

DatasetTableModel::~DatasetTableModel() = default;

void DatasetTableModel::setDataset(std::shared_ptr<tb::DatasetRepository> repo, const QString& name) {
    beginResetModel();
    repo_ = std::move(repo);
    name_ = repo_ ? name : QString();
    cache_.clear();
    filtered_.reset();
    filterText_.clear();
    columns_.clear();
    total_ = 0;
    refreshInfo();
    endResetModel();
}

void DatasetTableModel::refreshInfo() {
    if (!repo_ || name_.isEmpty()) return;
    if (auto info = repo_->find(name_)) {
        columns_ = info->columns;
        total_ = info->rowCount;
    } else {
        name_.clear();
        columns_.clear();
        total_ = 0;
    }
}

void DatasetTableModel::setFilter(const QString& text) {
    beginResetModel();
    filterText_ = text.trimmed();
    filtered_.reset();
    if (!filterText_.isEmpty() && repo_ && !name_.isEmpty()) {
        QVector<qint64> hits;
        const QString needle = filterText_;
        repo_->forEachRow(name_, [&](qint64 idx, const nlohmann::json& row) {
            for (const auto& [k, v] : row.items()) {
                if (displayText(v).contains(needle, Qt::CaseInsensitive)) {
                    hits.append(idx);
                    break;
                }
            }
            return true;
        });
        filtered_ = std::move(hits);
    }
    endResetModel();
}

qint64 DatasetTableModel::datasetIndex(int viewRow) const {
    if (viewRow < 0) return -1;
    if (filtered_) return viewRow < filtered_->size() ? (*filtered_)[viewRow] : -1;
    return viewRow < total_ ? viewRow : -1;
}

int DatasetTableModel::viewRow(qint64 idx) const {
    if (!filtered_) return idx >= 0 && idx < total_ ? int(idx) : -1;
    auto it = std::lower_bound(filtered_->begin(), filtered_->end(), idx);
    return it != filtered_->end() && *it == idx ? int(it - filtered_->begin()) : -1;
}

const nlohmann::json& DatasetTableModel::cachedRow(qint64 idx) const {
    static const nlohmann::json empty = nlohmann::json::object();
    const qint64 block = idx / kBlock;
    auto it = cache_.find(block);
    if (it == cache_.end()) {
        if (cache_.size() > 64) cache_.clear();   // bounded: at most ~16k rows in memory
        try {
            it = cache_.insert(block, repo_->rows(name_, block * kBlock, kBlock));
        } catch (const std::exception&) {
            return empty;
        }
    }
    const qint64 off = idx - block * kBlock;
    return off >= 0 && off < qint64(it->size()) ? (*it)[size_t(off)] : empty;
}

nlohmann::json DatasetTableModel::rowJson(qint64 idx) const {
    if (!repo_ || idx < 0 || idx >= total_) return nlohmann::json::object();
    return cachedRow(idx);
}

int DatasetTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid()) return 0;
    return filtered_ ? int(filtered_->size()) : int(total_);
}

int DatasetTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(columns_.size()); }

QString DatasetTableModel::displayText(const nlohmann::json& v) {
    if (v.is_string()) return QString::fromStdString(v.get<std::string>());
    if (v.is_null()) return QString();
    return QString::fromStdString(v.dump());
}

nlohmann::json DatasetTableModel::parseEdit(const QString& text, const nlohmann::json& previous) {
    if (previous.is_string() || previous.is_null()) return text.toStdString();
    try {
        return nlohmann::json::parse(text.toStdString());
    } catch (const std::exception&) {
        return text.toStdString();
    }
}

QVariant DatasetTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !repo_) return {};
    const qint64 idx = datasetIndex(index.row());
    if (idx < 0 || index.column() >= columns_.size()) return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole) return {};
    const nlohmann::json& row = cachedRow(idx);
    const std::string key = columns_[index.column()].toStdString();
    const auto it = row.find(key);
    QString text = it == row.end() ? QString() : displayText(*it);
    if (role == Qt::DisplayRole) {
        text.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
        if (text.size() > 300) text = text.left(300) + QStringLiteral("…");
    } else if (role == Qt::ToolTipRole && text.size() > 2000) {
        text = text.left(2000) + QStringLiteral("…");
    }
    return text;
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (role != Qt::DisplayRole) return {};
    if (o == Qt::Horizontal) return section < columns_.size() ? QVariant(columns_[section]) : QVariant();
    return datasetIndex(section) + 1;
}

Qt::ItemFlags DatasetTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool DatasetTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !index.isValid() || !repo_) return false;
    const qint64 idx = datasetIndex(index.row());
    if (idx < 0) return false;
    nlohmann::json before = cachedRow(idx);
    const std::string key = columns_[index.column()].toStdString();
    const nlohmann::json prev = before.contains(key) ? before[key] : nlohmann::json();
    nlohmann::json after = before;
    after[key] = parseEdit(value.toString(), prev);
    if (after == before) return false;
    undo_->push(new EditRowCommand(this, idx, std::move(before), std::move(after), columns_[index.column()]));
    return true;
}

void DatasetTableModel::insertRowAt(qint64 idx, const nlohmann::json& row) {
    if (!repo_ || name_.isEmpty()) return;
    undo_->push(new InsertRowCommand(this, std::clamp<qint64>(idx, 0, total_), row));
}

void DatasetTableModel::deleteRows(QVector<qint64> indices) {
    if (!repo_ || indices.isEmpty()) return;
    undo_->push(new DeleteRowsCommand(this, std::move(indices)));
}

void DatasetTableModel::applyUpdate(qint64 idx, const nlohmann::json& row) {
    try {
        repo_->updateRow(name_, idx, row);
    } catch (const std::exception& e) {
        emit editFailed(QString::fromStdString(e.what()));
        return;
    }
    cache_.remove(idx / kBlock);
    const int r = viewRow(idx);
    if (r >= 0) emit dataChanged(index(r, 0), index(r, columnCount() - 1));
    emit datasetEdited(name_);
}

void DatasetTableModel::applyInsert(qint64 idx, const nlohmann::json& row) {
    try {
        repo_->insertRow(name_, idx, row);
    } catch (const std::exception& e) {
        emit editFailed(QString::fromStdString(e.what()));
        return;
    }
    if (filtered_) {
        // Later rows moved up by one; the new row is shown while the filter is on.
        beginResetModel();
        for (qint64& v : *filtered_)
            if (v >= idx) ++v;
        filtered_->insert(std::lower_bound(filtered_->begin(), filtered_->end(), idx), idx);
        cache_.clear();
        refreshInfo();
        endResetModel();
    } else {
        beginInsertRows({}, int(idx), int(idx));
        cache_.clear();
        refreshInfo();
        endInsertRows();
    }
    emit datasetEdited(name_);
}

nlohmann::json DatasetTableModel::applyDelete(qint64 idx) {
    nlohmann::json old;
    try {
        old = repo_->deleteRow(name_, idx);
    } catch (const std::exception& e) {
        emit editFailed(QString::fromStdString(e.what()));
        return nlohmann::json::object();
    }
    const int r = viewRow(idx);
    if (filtered_) {
        beginResetModel();
        if (r >= 0) filtered_->remove(r);
        for (qint64& v : *filtered_)
            if (v > idx) --v;
        cache_.clear();
        refreshInfo();
        endResetModel();
    } else {
        beginRemoveRows({}, int(idx), int(idx));
        cache_.clear();
        refreshInfo();
        endRemoveRows();
    }
    emit datasetEdited(name_);
    return old;
}

} } // namespace tb::ui
